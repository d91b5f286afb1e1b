// Every path from the start to an outcome, grouped by the outcome's urgency
// tier with the true count of each (counted, not walked, so even an SOP with
// astronomically many paths says how many). Each tier lists its paths a page
// at a time and says how many are not shown yet: nothing is capped silently.
// Choosing one plays it in the real runner in a sandbox (an in-memory store:
// nothing is written to the governance log), with the path's choices alongside.
import { useMemo, useRef, useState } from 'react';
import { Button } from '../../../ui/Button';
import { countPaths, URGENCIES, URGENCY_LABEL, walkPaths, type SopDocument, type SopPath, type Urgency } from '../../../engine';
import { formatCount } from '../../../engine/authoring/formatPaths';
import { PathPlayer } from './PathPlayer';

export const PATHS_PER_PAGE = 25;

interface TierPages {
  walker: Iterator<SopPath>;
  paths: SopPath[];
  done: boolean;
}

/** Pulls up to `more` paths of one tier from its walk (kept between pages). */
function pull(pages: TierPages, more: number): void {
  for (let i = 0; i < more && !pages.done; i += 1) {
    const next = pages.walker.next();
    if (next.done) pages.done = true;
    else pages.paths.push(next.value);
  }
}

export function PathExplorer({ doc }: { doc: SopDocument }) {
  const count = useMemo(() => countPaths(doc), [doc]);
  const tiers = useRef<{ doc: SopDocument; pages: Map<Urgency, TierPages> } | null>(null);
  if (tiers.current?.doc !== doc) tiers.current = { doc, pages: new Map() };
  const [shown, setShown] = useState<Record<Urgency, number>>({ emergency: PATHS_PER_PAGE, 'same-day': PATHS_PER_PAGE, urgent: PATHS_PER_PAGE, routine: PATHS_PER_PAGE });
  const [playing, setPlaying] = useState<{ urgency: Urgency; index: number } | null>(null);
  const titleOf = (id: string) => doc.steps.find((s) => s.id === id)?.title ?? id;

  const pagesOf = (urgency: Urgency): TierPages => {
    const pages = tiers.current!.pages;
    let tier = pages.get(urgency);
    if (!tier) {
      tier = { walker: walkPaths(doc, { urgency }), paths: [], done: false };
      pages.set(urgency, tier);
    }
    pull(tier, shown[urgency] - tier.paths.length);
    return tier;
  };

  const chosen = playing ? pagesOf(playing.urgency).paths[playing.index] : undefined;
  if (chosen && playing) {
    return (
      <section className="path-explorer" aria-label="Paths">
        <PathPlayer doc={doc} path={chosen} number={playing.index + 1} tier={URGENCY_LABEL[playing.urgency]} onClose={() => setPlaying(null)} />
      </section>
    );
  }

  const tiersWithPaths = URGENCIES.filter((u) => count.byUrgency[u] > 0n);
  return (
    <section className="path-explorer" aria-label="Paths">
      <h2>Every path: {count.exact ? '' : 'at least '}{formatCount(count.total)}</h2>
      <p>
        Each path runs from the start to an outcome; they are grouped by the outcome&apos;s urgency. Play one to walk
        it in the real runner; nothing is written to the log.
        {!count.exact && ' This SOP loops, so paths were counted until the count stopped at a bound.'}
      </p>
      <ul className="path-tier-counts" aria-label="Paths by urgency">
        {URGENCIES.map((u) => (
          <li key={u}>
            <span className={`urgency-tag urgency-tag--${u}`}>{URGENCY_LABEL[u]}</span> {formatCount(count.byUrgency[u])}
          </li>
        ))}
      </ul>
      {tiersWithPaths.map((urgency) => {
        const tier = pagesOf(urgency);
        const total = count.byUrgency[urgency];
        const notShown = count.exact ? total - BigInt(tier.paths.length) : null;
        const more = !tier.done;
        return (
          <section key={urgency} className="path-tier" aria-labelledby={`tier-${urgency}`}>
            <h3 id={`tier-${urgency}`}>
              <span className={`urgency-tag urgency-tag--${urgency}`}>{URGENCY_LABEL[urgency]}</span>{' '}
              {formatCount(total)} {total === 1n ? 'path' : 'paths'}
            </h3>
            <p className="field__hint">
              {more ? `Showing ${tier.paths.length.toLocaleString('en-GB')} of ${count.exact ? formatCount(total) : `at least ${formatCount(total)}`}.` : `All ${tier.paths.length.toLocaleString('en-GB')} shown.`}
            </p>
            <ol className="path-list">
              {tier.paths.map((path, i) => (
                <li key={i} className="path-item">
                  <strong>{titleOf(path.outcome)}</strong>
                  {path.modality && <span> ({path.modality.toUpperCase()})</span>}
                  <span className="path-item__length"> — {path.steps.length} steps</span>
                  <p className="path-item__route">{path.steps.map((s) => s.stepId).join(' → ')}</p>
                  <Button variant="secondary" onClick={() => setPlaying({ urgency, index: i })} aria-label={`Play path ${i + 1} (${URGENCY_LABEL[urgency]}) to ${titleOf(path.outcome)}`}>
                    Play path {i + 1}
                  </Button>
                </li>
              ))}
            </ol>
            {more && (
              <Button variant="secondary" onClick={() => setShown((s) => ({ ...s, [urgency]: s[urgency] + PATHS_PER_PAGE }))}>
                Show {PATHS_PER_PAGE} more {URGENCY_LABEL[urgency]} paths{notShown !== null ? ` (${formatCount(notShown)} not shown yet)` : ''}
              </Button>
            )}
          </section>
        );
      })}
    </section>
  );
}
