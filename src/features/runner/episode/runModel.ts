// The runner's view of a compiled SOP: the machine, its input, and pure steps
// from one snapshot to the next with the log records each step produced. No
// actors run here; timers are driven by the runner from context.deadline.
import type { StateValue } from 'xstate';
import {
  COLLAPSE_PREFIX, compileSop, currentStep, foldUndo, replaySop, stepperFor, waysOn,
  type CurrentStep, type LoggedEvent, type SopContext, type SopDocument, type SopEvent, type SopInput, type SopSnapshot, type StepRecord,
} from '../../../engine';

export interface RunModel {
  doc: SopDocument;
  /** The embedded resuscitation pathway, when this SOP is not itself the collapse SOP. */
  collapse: SopDocument | undefined;
  machine: ReturnType<typeof compileSop>;
  input: SopInput;
}

export interface Stepped {
  snapshot: SopSnapshot;
  records: StepRecord[];
}

export function createRunModel(doc: SopDocument, collapse: SopDocument | undefined, input: SopInput): RunModel {
  const embedded = collapse && collapse.id !== doc.id ? collapse : undefined;
  return { doc, collapse: embedded, machine: compileSop(doc, embedded ? { collapse: embedded } : {}), input };
}

// The machine reports records through the `emitRecord` action; a pure
// transition returns that action with its params resolved instead of running it.
function recordsOf(actions: ReadonlyArray<{ type: string; params?: unknown }>): StepRecord[] {
  return actions.filter((action) => action.type === 'emitRecord').map((action) => action.params as StepRecord);
}

export function firstStep(model: RunModel): Stepped {
  const [snapshot, actions] = stepperFor(model.machine).initial(model.input);
  return { snapshot, records: recordsOf(actions) };
}

export function nextStep(model: RunModel, snapshot: SopSnapshot, event: SopEvent): Stepped {
  const [next, actions] = stepperFor(model.machine).next(snapshot, event);
  return { snapshot: next, records: recordsOf(actions) };
}

/** Rebuilds the state the logged events describe, undo folded in. */
export function rebuild(model: RunModel, events: readonly LoggedEvent[]): SopSnapshot {
  return replaySop(model.machine, model.input, foldUndo(events));
}

/** Whether an UNDO now would take anything back. */
export function canUndo(events: readonly LoggedEvent[]): boolean {
  return foldUndo([...events, { type: 'UNDO', at: 0 }]).length < foldUndo(events).length;
}

export function stepOf(model: RunModel, snapshot: SopSnapshot): CurrentStep | null {
  return currentStep(model.doc, snapshot, model.collapse);
}

/** The step's key in context (answers, ticks, moves): "collapse.<id>" inside the collapse pathway. */
export function qualifiedStepId(current: CurrentStep): string {
  return current.inCollapse ? `${COLLAPSE_PREFIX}${current.stepId}` : current.stepId;
}

/** A step one tap could lead to, with the snapshot it would be reached in and the tap predicted. */
export interface StepAhead {
  key: string;
  current: CurrentStep;
  snapshot: SopSnapshot;
  via: SopEvent;
}

/** The steps one tap can lead to from here, once each (two ways to one step give it once). */
export function stepsAhead(model: RunModel, snapshot: SopSnapshot, at: number): StepAhead[] {
  const ahead = new Map<string, StepAhead>();
  for (const event of waysOn(model.doc, snapshot, at, model.collapse)) {
    const next = nextStep(model, snapshot, event).snapshot;
    const current = stepOf(model, next);
    const key = current ? qualifiedStepId(current) : null;
    if (current && key !== null && !ahead.has(key)) ahead.set(key, { key, current, snapshot: next, via: event });
  }
  return [...ahead.values()];
}

/**
 * Whether two events are the same tap, whenever each was made: the same fields
 * apart from the time. An event carrying more than flat values (a call's
 * advice) is never taken for another.
 */
export function sameTap(a: LoggedEvent, b: LoggedEvent): boolean {
  const fields = (event: LoggedEvent) => Object.entries(event).filter(([name, value]) => name !== 'at' && value !== undefined);
  const ours = fields(a);
  const theirs = new Map(fields(b));
  return ours.length === theirs.size && ours.every(([name, value]) => (typeof value !== 'object' || value === null) && theirs.get(name) === value);
}

export function inCollapse(model: RunModel, snapshot: SopSnapshot): boolean {
  return snapshot.context.collapsedAt !== null || model.doc.id === 'collapse';
}

/** A cached snapshot is plain data: the state value and context. */
export function persistable(snapshot: SopSnapshot): { value: unknown; context: unknown } {
  return { value: snapshot.value, context: snapshot.context };
}

/** Restores a cached snapshot, or null when it does not land on a step of this SOP. */
export function restore(model: RunModel, cached: unknown): SopSnapshot | null {
  if (!cached || typeof cached !== 'object') return null;
  const { value, context } = cached as { value?: unknown; context?: unknown };
  if (value === undefined || !context || typeof context !== 'object') return null;
  try {
    // Typed as what XState asks for; whether the cached data holds is checked by landing on a step below (and the catch).
    const snapshot = model.machine.resolveState({ value: value as StateValue, context: context as SopContext });
    return stepOf(model, snapshot) ? snapshot : null;
  } catch {
    return null;
  }
}
