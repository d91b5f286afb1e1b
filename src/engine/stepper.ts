// Pure steps through a compiled SOP without running an actor. XState's own
// `transition()` builds a fresh actor per call, and an actor computes the
// machine's whole initial state when it is made, so every tap (and every event
// of a replay) paid for an unused start. One inert scope per machine avoids it.
import { createActor } from 'xstate';
import type { SopEvent, SopInput } from './compile/runTypes';
import type { SopMachine } from './compile/compileSop';

type Snapshot = ReturnType<SopMachine['getInitialSnapshot']>;
/** The scope XState's pure transition functions take for this machine. */
type SopScope = Parameters<SopMachine['transition']>[2];
/** An action the machine asked for, params resolved (e.g. `emitRecord` with its record), not executed. */
export interface PendingAction {
  type: string;
  params?: unknown;
}

export interface SopStepper {
  initial(input: SopInput): [Snapshot, PendingAction[]];
  next(snapshot: Snapshot, event: SopEvent): [Snapshot, PendingAction[]];
}

const steppers = new WeakMap<SopMachine, SopStepper>();

function createStepper(machine: SopMachine): SopStepper {
  // Made once: the actor only lends its identity and system to the scope; it is never started.
  const self = createActor(machine, { input: { modality: 'echo', startedAt: 0 } as SopInput });
  let collected: PendingAction[] = [];
  const scope: SopScope = {
    self, defer: () => undefined, id: '', logger: () => undefined, sessionId: '', stopChild: () => undefined,
    system: self.system, emit: () => undefined,
    actionExecutor: (action) => {
      collected.push(action);
    },
  };
  const run = (step: () => Snapshot): [Snapshot, PendingAction[]] => {
    collected = [];
    const snapshot = step();
    return [snapshot, collected];
  };
  return {
    initial: (input) => run(() => machine.getInitialSnapshot(scope, input)),
    next: (snapshot, event) => run(() => machine.transition(snapshot, event, scope)),
  };
}

/** The stepper of a machine (one per machine, kept as long as the machine is). */
export function stepperFor(machine: SopMachine): SopStepper {
  let stepper = steppers.get(machine);
  if (!stepper) {
    stepper = createStepper(machine);
    steppers.set(machine, stepper);
  }
  return stepper;
}
