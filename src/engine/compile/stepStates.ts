// Builds the XState state configs of one SOP's steps (the main SOP, or the
// collapse SOP embedded under a prefix) by asking each step's kind for its
// node and adding the entry bookkeeping every step shares.
import type { SopDocument, Step } from '../schema/document';
import { stepKindOf } from '../steps/registry';
import type { CompileStepContext, StateNodeDraft } from '../steps/stepKind';
import { RecordAction, type RecordDataOf } from './recordAction';
import type { StepRecordType } from './runTypes';

/**
 * What a step kind gets to build its node, and the source of the step's
 * records. A class rather than an object of closures so that compiling a step
 * creates no functions of its own.
 */
class StepCompiler implements CompileStepContext {
  /** Params of the step's own bookkeeping actions (trail, outcome). */
  readonly stepRef: { readonly stepId: string };

  constructor(
    readonly doc: SopDocument,
    readonly step: Step,
    readonly qualifiedId: string,
  ) {
    this.stepRef = { stepId: qualifiedId };
  }

  record<D>(type: StepRecordType, dataOf: RecordDataOf<D>, detail: D): RecordAction<D> {
    return new RecordAction(type, this, dataOf, detail);
  }

  move(via: string | null) {
    return { type: 'recordMove' as const, params: { stepId: this.qualifiedId, via } };
  }
}

const enteredData: RecordDataOf<Step> = (step) => ({ title: step.title });

type ActionDraft = { type?: string };

export function stepStates(doc: SopDocument, prefix: string): Record<string, StateNodeDraft> {
  const states: Record<string, StateNodeDraft> = {};
  for (const step of doc.steps) {
    const compiler = new StepCompiler(doc, step, prefix + step.id);
    const node = stepKindOf(step).node(step, compiler);
    const recordEntered = { type: 'recordStepEntered', params: compiler.stepRef };
    const emitEntered = compiler.record('step-entered', enteredData, step);
    const ownEntry = node.entry as ActionDraft[] | undefined;
    if (ownEntry === undefined || ownEntry.length === 0) {
      node.entry = [recordEntered, emitEntered];
    } else {
      // Wait steps set their deadline first so the entry record already sees it.
      const deadlineFirst = ownEntry.filter((a) => a.type === 'setDeadline');
      const rest = ownEntry.filter((a) => a.type !== 'setDeadline');
      node.entry = [...deadlineFirst, recordEntered, emitEntered, ...rest];
    }
    states[step.id] = node;
  }
  return states;
}
