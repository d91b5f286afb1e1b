// The compiled machine's own paths, found by xstate/graph traversal, in the
// same shape as enumeratePaths, so tests can prove the machine runs exactly
// the document. For tests and tools only: it pulls in xstate/graph.
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { compileSop } from './compile/compileSop';
import type { SopContext, SopEvent } from './compile/runTypes';
import { currentStep } from './currentStep';
import type { SopPath } from './paths/enumeratePaths';
import type { SopDocument } from './schema/document';
import type { Modality } from './schema/primitives';
import { stepKindOf } from './steps/registry';

type Snapshot = { value: unknown; context: SopContext; status: string };

/** Every step-moving event the current step accepts, each way on taken at most once (as in enumeratePaths). */
function possibleEvents(doc: SopDocument, snapshot: Snapshot): SopEvent[] {
  const here = currentStep(doc, snapshot);
  if (here === null) return [];
  const { step } = here;
  const taken = new Set(snapshot.context.moves.filter((m) => m.stepId === step.id).map((m) => m.via));
  const kind = stepKindOf(step);
  return kind.successors(step).flatMap((s) => {
    const event = taken.has(s.via) ? null : kind.eventFor(step, s.via, 0, snapshot.context.deadline);
    return event === null ? [] : [event];
  });
}

export interface MachinePathOptions {
  /**
   * 'shortest' (default) is linear in the number of states; 'simple' runs
   * xstate/graph's getSimplePaths, which finds the same set (each state is
   * reached one way only) but is quadratic, so keep it to small SOPs.
   */
  traversal?: 'shortest' | 'simple';
}

/** The paths the compiled machine can take for one modality, from start to an outcome. */
export function machinePaths(doc: SopDocument, modality: Modality, options: MachinePathOptions = {}): SopPath[] {
  const machine = compileSop(doc);
  // A state is serialized WITH the moves that led to it, so the state space is
  // a tree: every state has exactly one path, and the (linear) shortest-path
  // search returns all of them.
  const traverse = options.traversal === 'simple' ? getSimplePaths : getShortestPaths;
  const paths = traverse(machine, {
    input: { modality, startedAt: 0 },
    events: (snapshot) => possibleEvents(doc, snapshot),
    serializeState: (snapshot) => JSON.stringify([snapshot.value, snapshot.context.moves.map((m) => [m.stepId, m.via])]),
    toState: (snapshot) => snapshot.status === 'done',
  });
  return paths.flatMap(({ state }) => {
    const here = currentStep(doc, state);
    if (state.status !== 'done' || here?.step.kind !== 'outcome') return [];
    const context = state.context;
    return [{
      modality,
      steps: [...context.moves.map(({ stepId, via }) => ({ stepId, via })), { stepId: here.stepId, via: null }],
      outcome: here.stepId,
      urgency: here.step.urgency,
    }];
  });
}
