// "Where am I": one compact line at the top of every episode screen — the
// SOP, the scan type, how many steps are done and answers given, the time since the start
// (and since the collapse, in the collapse pathway), and the clock time a
// running wait ends. It wraps rather than scrolls, and only its clock ticks:
// the step below is not redrawn each second. The episode screen draws it from
// the view as of the last painted frame (useAfterPaint), so it follows a new
// step one frame later instead of adding to the tap's frame.
import type { EpisodeView } from '../episode/episodeView';
import { clockTime, duration } from '../format/time';
import { MODALITY_LABEL } from '../../../shared/session';
import { useNow } from '../timers/useNow';
import './EpisodeTrail.css';

function Elapsed({ since, label }: { since: number; label: string }) {
  const now = useNow();
  return (
    <span className="runner-trail__item">
      {label} <span className="runner-trail__figure">{duration(Math.max(0, now - since))}</span>
    </span>
  );
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

const COLLAPSE_PREFIX = 'collapse.';

/** Steps the worker saw and left: modality routing steps move on by themselves and are never shown. */
function stepsDone(view: EpisodeView): number {
  return view.snapshot.context.moves.filter(({ stepId }) => {
    const inCollapse = stepId.startsWith(COLLAPSE_PREFIX);
    const doc = inCollapse ? view.collapse : view.doc;
    const id = inCollapse ? stepId.slice(COLLAPSE_PREFIX.length) : stepId;
    return doc?.steps.find((step) => step.id === id)?.kind !== 'modality';
  }).length;
}

export function EpisodeTrail({ view }: { view: EpisodeView }) {
  const { context } = view.snapshot;
  const sop = view.doc.shortTitle ?? view.doc.title;
  return (
    <section className="runner-trail" aria-label="Where you are">
      <span className="runner-trail__item runner-trail__sop">{sop}</span>
      <span className="runner-trail__item">{MODALITY_LABEL[context.modality]}</span>
      <span className="runner-trail__item">{plural(stepsDone(view), 'step done', 'steps done')}</span>
      <span className="runner-trail__item">{plural(context.answers.length, 'answer', 'answers')}</span>
      <Elapsed since={view.startedAt} label="Started" />
      {context.collapsedAt !== null ? <Elapsed since={context.collapsedAt} label="Since collapse" /> : null}
      {context.deadline !== null ? (
        <span className="runner-trail__item runner-trail__deadline">
          Wait ends <time className="runner-trail__figure" dateTime={new Date(context.deadline).toISOString()}>{clockTime(context.deadline)}</time>
        </span>
      ) : null}
    </section>
  );
}
