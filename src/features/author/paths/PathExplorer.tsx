// Every path from the start to an outcome, with its urgency. Choosing one
// plays it in the real runner in a sandbox (an in-memory store: nothing is
// written to the governance log), with the path's choices shown alongside.
import { useMemo, useState } from 'react';
import { Button } from '../../../ui/Button';
import { enumeratePaths, URGENCY_LABEL, type SopDocument, type SopPath } from '../../../engine';
import { PathPlayer } from './PathPlayer';

const MAX_LISTED = 500;

export function PathExplorer({ doc }: { doc: SopDocument }) {
  const paths = useMemo(() => enumeratePaths(doc, { maxPaths: MAX_LISTED + 1 }), [doc]);
  const [playing, setPlaying] = useState<number | null>(null);
  const chosen: SopPath | undefined = playing === null ? undefined : paths[playing];
  const titleOf = (id: string) => doc.steps.find((s) => s.id === id)?.title ?? id;

  return (
    <section className="path-explorer" aria-label="Paths">
      <h2>Every path ({paths.length > MAX_LISTED ? `more than ${MAX_LISTED}` : paths.length})</h2>
      <p>Each path runs from the start to an outcome. Play one to walk it in the real runner; nothing is written to the log.</p>
      {chosen && playing !== null ? (
        <PathPlayer doc={doc} path={chosen} number={playing + 1} onClose={() => setPlaying(null)} />
      ) : (
        <ol className="path-list">
          {paths.slice(0, MAX_LISTED).map((path, i) => (
            <li key={i} className="path-item">
              <span className={`urgency-tag urgency-tag--${path.urgency}`}>{URGENCY_LABEL[path.urgency]}</span>{' '}
              <strong>{titleOf(path.outcome)}</strong>
              {path.modality && <span> ({path.modality.toUpperCase()})</span>}
              <span className="path-item__length"> — {path.steps.length} steps</span>
              <p className="path-item__route">{path.steps.map((s) => s.stepId).join(' → ')}</p>
              <Button variant="secondary" onClick={() => setPlaying(i)} aria-label={`Play path ${i + 1} to ${titleOf(path.outcome)}`}>
                Play path {i + 1}
              </Button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
