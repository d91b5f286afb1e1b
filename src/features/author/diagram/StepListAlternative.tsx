// The diagram as a list: every step, its kind, where each way out leads and
// its problems. The accessible alternative to the picture, and a fallback
// when the layout library could not load.
import type { DiagramModel } from './diagramModel';

export function StepListAlternative({ model, onSelect }: { model: DiagramModel; onSelect?(stepId: string): void }) {
  // Grouped once: a 5,000-step SOP must not search every link for every step.
  const outgoing = new Map<string, DiagramModel['edges']>();
  for (const edge of model.edges) outgoing.set(edge.from, [...(outgoing.get(edge.from) ?? []), edge]);
  return (
    <ol className="step-list-alt">
      {model.nodes.map((node) => (
        <li key={node.id}>
          {onSelect ? (
            <button type="button" className="link-button" onClick={() => onSelect(node.id)}>{node.id}</button>
          ) : (
            <strong>{node.id}</strong>
          )}{' '}
          ({node.kind}{node.urgency ? `, ${node.urgency}` : ''}{node.start ? ', start' : ''}): {node.lines.join(' ')}
          {node.problems.length > 0 && <span className="problem problem--error"> ! {node.problems.join('; ')}</span>}
          <ul>
            {(outgoing.get(node.id) ?? []).map((e) => (
              <li key={e.name}>{e.label ? `${e.label} → ` : '→ '}{e.to}</li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
