// The contract every step kind implements, so the validator, compiler and
// path enumerator can loop over the registry instead of switching on kind.
import type { Problem } from '../validate/problem';
import type { SopDocument, Step } from '../schema/document';
import type { Modality } from '../schema/primitives';
import type { SopContext, SopEvent, StepRecord, StepRecordType } from '../compile/runTypes';
import type { SopSetup } from '../compile/sopSetup';

/** One way out of a step: `via` is the option/outcome/route id, or null for a plain "continue". */
export interface Successor {
  via: string | null;
  target: string;
  /** Local path of the field holding the target, e.g. "options[1].next". */
  field: string;
  /** Set for modality routes, so paths can follow one modality. */
  modality?: Modality;
}

export type RecordValue = string | number | boolean | null;
export type EventLike = { type: string; at?: unknown } & Record<string, unknown>;
export type RecordData = Record<string, RecordValue>;

/** What a step kind needs to build its XState state node. */
export interface CompileStepContext {
  /** Document the step belongs to (the main SOP or the embedded collapse SOP). */
  doc: SopDocument;
  /** Key used in context (ticks, answers, trail): "collapse.x" inside the collapse SOP. */
  qualifiedId: string;
  /**
   * A named `emitRecord` action for this step, stamped with the event's time.
   * Its data is built by `dataOf` from `detail` (e.g. the option chosen) when
   * the record is emitted; keep `dataOf` a module-level function so compiling
   * a step creates no closures.
   */
  record<D>(type: StepRecordType, dataOf: (detail: D, source: { doc: SopDocument; step: Step; qualifiedId?: string }, event: EventLike, context: SopContext) => RecordData, detail: D): EmitRecordAction;
  /** The named `recordMove` action: remembers how the step was left. */
  move(via: string | null): { type: 'recordMove'; params: { stepId: string; via: string | null } };
}

/**
 * The named `emitRecord` action with its record as dynamic params: XState
 * calls `params({ context, event })` when the action runs (see compile/recordAction.ts).
 */
export interface EmitRecordAction {
  readonly type: 'emitRecord';
  params(args: { context: SopContext; event: EventLike }): StepRecord;
}

/**
 * A state-node config typed by the SOP's XState `setup()` (compile/sopSetup.ts):
 * the names of guards, actions, actors and delays a step kind uses, and their
 * params, are checked against the ones the setup defines.
 */
export type SopStateNode = Parameters<SopSetup['createStateConfig']>[0];

export interface StepKind<S extends { kind: string; id: string }> {
  kind: S['kind'];
  /** Clinical steps should cite a reference; a missing `cites` is a warning. */
  clinical: boolean;
  /** Every onward step, in document order. */
  successors(step: S): Successor[];
  /** Problems only this kind knows about; `at` is the JSON path of the step. */
  check(step: S, doc: SopDocument, at: string): Problem[];
  node(step: S, compile: CompileStepContext): SopStateNode;
  /**
   * The event that leaves the step by the successor `via` (null when the step
   * moves on by itself, as a modality step does). `deadline` is the running
   * wait's deadline. Used by tools that drive the machine down a path.
   */
  eventFor(step: S, via: string | null, at: number, deadline: number | null): SopEvent | null;
}
