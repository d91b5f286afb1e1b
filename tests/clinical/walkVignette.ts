// Answers a vignette step by step through the compiled machine, rebuilding
// the state from the events with replaySop (pure, no timers), and returns
// the walk a reviewer can read: each step, what was chosen, where it ended.
import {
  compileSop, currentStep, replaySop, type SopDocument, type SopEvent, type Step, type Urgency,
} from '../../src/engine';
import type { Vignette } from './vignettes';

export interface WalkStep {
  stepId: string;
  kind: Step['kind'];
  title: string;
  /** The words of the option, outcome or ending chosen; null for automatic steps. */
  chose: string | null;
}

export interface Walk {
  steps: WalkStep[];
  outcome: { stepId: string; title: string; urgency: Urgency };
  events: SopEvent[];
}

const STARTED_AT = Date.UTC(2026, 2, 2, 9, 0);
const STEP_MS = 30_000;
const MAX_STEPS = 200;

interface Pending {
  answers: string[];
  calls: string[];
  at: number;
  deadline: number | null;
  title: string;
}

/** The event the worker sends on this step: the next answer, call result or wait ending. */
function answerStep(step: Step, pending: Pending): { event: SopEvent; chose: string } {
  const { at, title } = pending;
  switch (step.kind) {
    case 'question': {
      const option = pending.answers.shift();
      const picked = step.options.find((o) => o.id === option);
      if (!picked) throw new Error(`${title}: "${step.title}" has no option "${option ?? '(none left)'}"`);
      return { event: { type: 'ANSWER', option: picked.id, at }, chose: picked.label };
    }
    case 'actions':
      return { event: { type: 'CONTINUE', at }, chose: 'done' };
    case 'contact': {
      const wanted = pending.calls.shift() ?? step.outcomes[0]!.id;
      const picked = step.outcomes.find((o) => o.id === wanted);
      if (!picked) throw new Error(`${title}: "${step.title}" has no outcome "${wanted}"`);
      return { event: { type: 'CONTACT', outcome: picked.id, at }, chose: picked.label };
    }
    case 'wait': {
      const wanted = pending.calls.shift() ?? 'timeout';
      const picked = step.endEarly.find((o) => o.id === wanted);
      if (picked) return { event: { type: 'END_WAIT', option: picked.id, at }, chose: picked.label };
      if (wanted !== 'timeout') throw new Error(`${title}: "${step.title}" has no ending "${wanted}"`);
      return { event: { type: 'TIMER_EXPIRED', at: pending.deadline ?? at }, chose: `no call back within ${step.minutes} minutes` };
    }
    default:
      throw new Error(`${title}: stuck on ${step.kind} step ${step.id}`);
  }
}

export function walkVignette(vignette: Vignette, doc: SopDocument): Walk {
  const machine = compileSop(doc);
  const input = { modality: vignette.modality, startedAt: STARTED_AT };
  const answers = [...vignette.answers];
  const calls = [...(vignette.calls ?? [])];
  const events: SopEvent[] = [];
  const steps: WalkStep[] = [];
  let at = STARTED_AT;
  let accounted = 0;

  for (let guard = 0; guard < MAX_STEPS; guard += 1) {
    const snapshot = replaySop(machine, input, events);
    const here = currentStep(doc, snapshot);
    if (here === null) throw new Error(`${vignette.title}: the machine is on no known step`);
    const { step } = here;
    // Modality steps move on by themselves, so they are read from the trail.
    const trail = snapshot.context.trail;
    for (const id of trail.slice(accounted, -1)) {
      const passed = doc.steps.find((s) => s.id === id);
      if (passed?.kind === 'modality') steps.push({ stepId: id, kind: 'modality', title: passed.title, chose: vignette.modality });
    }
    accounted = trail.length - 1;
    if (step.kind === 'outcome') {
      if (snapshot.status !== 'done') throw new Error(`${vignette.title}: reached an outcome but the run did not end`);
      if (answers.length > 0 || calls.length > 0) {
        throw new Error(`${vignette.title}: ended at ${step.id} with answers left over: ${[...answers, ...calls].join(', ')}`);
      }
      return { steps, outcome: { stepId: step.id, title: step.title, urgency: step.urgency }, events };
    }
    at += STEP_MS;
    const { event, chose } = answerStep(step, { answers, calls, at, deadline: snapshot.context.deadline, title: vignette.title });
    at = event.at;
    events.push(event);
    steps.push({ stepId: step.id, kind: step.kind, title: step.title, chose });
    const after = replaySop(machine, input, events);
    if (JSON.stringify(after.context.trail) === JSON.stringify(snapshot.context.trail)) {
      throw new Error(`${vignette.title}: "${step.title}" did not move on`);
    }
  }
  throw new Error(`${vignette.title}: no outcome after ${MAX_STEPS} steps`);
}
