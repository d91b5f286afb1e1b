// A step written out in full, read-only: for the version page and the print
// view (the governance file must show every word the runner will show).
import { URGENCY_LABEL, type SopDocument, type Step } from '../../../engine';

function Ways({ items }: { items: Array<{ label: string; next: string }> }) {
  return (
    <ul className="step-ways">
      {items.map((item, i) => <li key={i}>{item.label} → <code>{item.next}</code></li>)}
    </ul>
  );
}

function KindDetails({ step, doc }: { step: Step; doc: SopDocument }) {
  switch (step.kind) {
    case 'question':
      return <Ways items={step.options.map((o) => ({ label: `${o.label}${o.notSure ? ' (not sure)' : ''}`, next: o.next }))} />;
    case 'actions':
      return (
        <>
          <ul>
            {step.items.map((item) => (
              <li key={item.id}>
                {item.text}
                {item.repeatMinutes ? ` (repeat every ${item.repeatMinutes} min)` : ''}
                {item.modalities ? ` [${item.modalities.join(', ').toUpperCase()} only]` : ''}
              </li>
            ))}
          </ul>
          <Ways items={[{ label: 'Then', next: step.next }]} />
        </>
      );
    case 'contact': {
      const role = doc.roles.find((r) => r.id === step.role);
      return (
        <>
          <p><strong>Call:</strong> {role?.title ?? step.role}</p>
          <dl className="sbar">
            <dt>S</dt><dd>{step.sbar.situation}</dd>
            <dt>B</dt><dd>{step.sbar.background}</dd>
            <dt>A</dt><dd>{step.sbar.assessment}</dd>
            <dt>R</dt><dd>{step.sbar.recommendation}</dd>
          </dl>
          <Ways items={step.outcomes.map((o) => ({ label: o.label, next: o.next }))} />
        </>
      );
    }
    case 'wait':
      return <Ways items={[...step.endEarly.map((o) => ({ label: o.label, next: o.next })), { label: `After ${step.minutes} minutes`, next: step.onExpire }]} />;
    case 'modality':
      return <Ways items={Object.entries(step.routes).map(([m, next]) => ({ label: m.toUpperCase(), next: next ?? '' }))} />;
    case 'outcome':
      return (
        <>
          <p><span className={`urgency-tag urgency-tag--${step.urgency}`}>{URGENCY_LABEL[step.urgency]}</span> {step.disposition}</p>
          <p><strong>Report wording:</strong> {step.reportWording}</p>
          <p><strong>Document:</strong></p>
          <ul>{step.document.map((d, i) => <li key={i}>{d}</li>)}</ul>
        </>
      );
  }
}

export function StepDetails({ step, doc }: { step: Step; doc: SopDocument }) {
  const cites = 'cites' in step ? step.cites ?? [] : [];
  return (
    <article className="step-details" id={`detail-${step.id}`}>
      <h3>
        <code>{step.id}</code> — {step.title}
        {doc.start === step.id && <span className="start-tag"> (start)</span>}
      </h3>
      {step.text && <p>{step.text}</p>}
      <KindDetails step={step} doc={doc} />
      {cites.length > 0 && <p className="field__hint">Based on: {cites.join(', ')}</p>}
    </article>
  );
}
