// Editor for an actions step: the checklist items (some repeating, some for
// one modality only) and the step that follows.
import { MODALITIES } from '../../../engine';
import { ItemGroup, NextStepField, NumberField, TextField, removeAt, replaceAt, withOptional } from '../editor/fields';
import type { StepEditorProps } from './types';
import { CheckboxItem, Choices } from '../../../ui/Choices';

export function ActionsEditor({ step, context, onChange }: StepEditorProps<'actions'>) {
  const items = step.items ?? [];
  type Item = (typeof items)[number];
  const set = (i: number, item: Item) => onChange({ ...step, items: replaceAt(items, i, item) });
  return (
    <div className="kind-editor">
      <h4>Checklist items</h4>
      {items.map((item, i) => (
        <ItemGroup key={i} legend={`Item ${i + 1}`} onRemove={() => onChange({ ...step, items: removeAt(items, i) })} removeLabel={`Remove item ${i + 1}`}>
          <TextField label="What to do" multiline value={item.text} onChange={(text) => set(i, { ...item, text })} />
          <TextField label="Item id" value={item.id} onChange={(id) => set(i, { ...item, id })} />
          <NumberField label="Repeat every (minutes)" hint="Leave empty for a one-off task." value={item.repeatMinutes} onChange={(m) => set(i, withOptional(item, 'repeatMinutes', m))} />
          <Choices legend="Only for these modalities (none ticked: all)" type="checkbox">
            {MODALITIES.map((m) => (
              <CheckboxItem
                key={m}
                checked={item.modalities?.includes(m) ?? false}
                onChange={(event) => {
                  const current = item.modalities ?? [];
                  const next = event.target.checked ? [...current, m] : current.filter((x) => x !== m);
                  set(i, withOptional(item, 'modalities', next.length > 0 ? next : undefined));
                }}
                label={m.toUpperCase()}
              />
            ))}
          </Choices>
        </ItemGroup>
      ))}
      <button type="button" className="button button--secondary" onClick={() => onChange({ ...step, items: [...items, { id: `item${items.length + 1}`, text: '' }] })}>
        Add an item
      </button>
      <NextStepField label="Then go to" value={step.next} options={context.linkOptions} onChange={(next) => onChange({ ...step, next })} />
    </div>
  );
}
