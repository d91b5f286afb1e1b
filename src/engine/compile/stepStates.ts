// Builds the XState state configs of one SOP's steps (the main SOP, or the
// collapse SOP embedded under a prefix) by asking each step's kind for its
// node and adding the entry bookkeeping every step shares.
import type { SopDocument, Step } from '../schema/document';
import { stepKindOf } from '../steps/registry';
import type { CompileStepContext, SopStateNode } from '../steps/stepKind';
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

type EntryAction = Exclude<SopStateNode['entry'], readonly unknown[] | undefined>;
const isSetDeadline = (action: EntryAction): boolean => typeof action === 'object' && action.type === 'setDeadline';

export function stepStates(doc: SopDocument, prefix: string): Record<string, SopStateNode> {
  const states: Record<string, SopStateNode> = {};
  for (const step of doc.steps) {
    const compiler = new StepCompiler(doc, step, prefix + step.id);
    const node = stepKindOf(step).node(step, compiler);
    const recordEntered = { type: 'recordStepEntered' as const, params: compiler.stepRef };
    const emitEntered = compiler.record('step-entered', enteredData, step);
    const ownEntry: readonly EntryAction[] = node.entry === undefined ? [] : Array.isArray(node.entry) ? node.entry : [node.entry as EntryAction];
    if (ownEntry.length === 0) {
      node.entry = [recordEntered, emitEntered];
    } else {
      // Wait steps set their deadline first so the entry record already sees it.
      const deadlineFirst = ownEntry.filter(isSetDeadline);
      const rest = ownEntry.filter((a) => !isSetDeadline(a));
      node.entry = [...deadlineFirst, recordEntered, emitEntered, ...rest];
    }
    states[step.id] = node;
  }
  return states;
}
