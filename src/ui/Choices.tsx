// NHS radios and checkboxes: a fieldset named by its legend, one item per
// choice, each a 40 px box on a 48 px input (nhs/nhs.scss) with its label
// beside it. The runner writes the same classes out itself (its tap path
// gets markup, not components).
import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

export interface ChoicesProps {
  legend: ReactNode;
  type: 'radio' | 'checkbox';
  hint?: ReactNode;
  /** Side by side where the labels are short (radios only: nhsuk-frontend has no inline checkboxes). */
  inline?: boolean;
  children: ReactNode;
}

export function Choices({ legend, type, hint, inline = false, children }: ChoicesProps) {
  const id = useId();
  const group = type === 'radio' ? `nhsuk-radios${inline ? ' nhsuk-radios--inline' : ''}` : 'nhsuk-checkboxes';
  return (
    <div className="nhsuk-form-group">
      <fieldset className="nhsuk-fieldset" aria-describedby={hint ? `${id}-hint` : undefined}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {hint ? <div className="nhsuk-hint" id={`${id}-hint`}>{hint}</div> : null}
        <div className={group}>{children}</div>
      </fieldset>
    </div>
  );
}

export interface ChoiceItemProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'className' | 'id'> {
  label: ReactNode;
}

function ChoiceItem({ kind, label, ...input }: ChoiceItemProps & { kind: 'radios' | 'checkboxes' }) {
  const id = useId();
  return (
    <div className={`nhsuk-${kind}__item`}>
      <input className={`nhsuk-${kind}__input`} id={id} type={kind === 'radios' ? 'radio' : 'checkbox'} {...input} />
      <label className={`nhsuk-label nhsuk-${kind}__label`} htmlFor={id}>{label}</label>
    </div>
  );
}

export const RadioItem = (props: ChoiceItemProps) => <ChoiceItem kind="radios" {...props} />;
export const CheckboxItem = (props: ChoiceItemProps) => <ChoiceItem kind="checkboxes" {...props} />;
