// The `emitRecord` actions of a compiled SOP. Compiling the library builds
// about 2,600 of them, so each is one small object holding references into
// the document; the record itself (and its data) is built when it is emitted.
import type { SopDocument, Step } from '../schema/document';
import type { EventLike, RecordData } from '../steps/stepKind';
import type { SopContext, StepRecord, StepRecordType } from './runTypes';

export type { EventLike };

/** The time of an event; the initial entry (no event time) happens at the start. */
export function eventAt(event: { type: string; at?: unknown }, context: SopContext): number {
  return typeof event.at === 'number' ? event.at : context.startedAt;
}

/** The step a record is about, and the document it belongs to. */
export interface RecordSource {
  readonly doc: SopDocument;
  readonly step: Step;
  /** The step's key in context ("collapse.x" inside the collapse SOP). */
  readonly qualifiedId?: string;
}

/** Builds a record's data from a detail of the document (an option, an outcome...) and the event. */
export type RecordDataOf<D> = (detail: D, source: RecordSource, event: EventLike, context: SopContext) => RecordData;

/**
 * A named `emitRecord` action. XState resolves an action's params by calling
 * `action.params({ context, event })`, so the record is produced by a method
 * rather than by a closure made for every step. The fields are private so a
 * serialized machine definition shows only `{ type: 'emitRecord' }`, as before.
 */
export class RecordAction<D = unknown> {
  readonly type = 'emitRecord';
  readonly #recordType: StepRecordType;
  readonly #source: RecordSource;
  readonly #dataOf: RecordDataOf<D>;
  readonly #detail: D;

  constructor(recordType: StepRecordType, source: RecordSource, dataOf: RecordDataOf<D>, detail: D) {
    this.#recordType = recordType;
    this.#source = source;
    this.#dataOf = dataOf;
    this.#detail = detail;
  }

  /** Key order matches the records already stored in logs. */
  params({ context, event }: { context: SopContext; event: EventLike }): StepRecord {
    const { doc, step } = this.#source;
    return {
      type: this.#recordType, sopId: doc.id, sopVersion: doc.version, stepId: step.id, stepKind: step.kind,
      at: eventAt(event, context),
      data: this.#dataOf(this.#detail, this.#source, event, context),
    };
  }
}
