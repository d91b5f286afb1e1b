// Turns a valid SOP document into an XState 5 machine: one state per step,
// built by the step kinds in the registry, plus (optionally) the collapse SOP
// embedded as a compound state that COLLAPSE enters from any step.
import type { SopDocument } from '../schema/document';
import type { SopStateNode } from '../steps/stepKind';
import { eventAt, type EventLike } from './recordAction';
import type { SopContext, SopInput, StepRecord } from './runTypes';
import { sopSetup } from './sopSetup';
import { stepStates } from './stepStates';

export interface CompileOptions {
  /** Receives one record per thing that happened; also replaceable via machine.provide({ actions: { emitRecord } }). */
  onRecord?: (record: StepRecord) => void;
  /** The collapse (resuscitation) SOP to embed; without it COLLAPSE is ignored. */
  collapse?: SopDocument;
}

/** State key of the embedded collapse SOP, and the state after its outcome. */
export const COLLAPSE_STATE = 'collapse';
export const COLLAPSE_ENDED_STATE = 'collapseEnded';
export const COLLAPSE_PREFIX = `${COLLAPSE_STATE}.`;

function collapseStates(collapse: SopDocument): Record<string, SopStateNode> {
  return {
    [COLLAPSE_STATE]: {
      initial: collapse.start,
      states: stepStates(collapse, COLLAPSE_PREFIX),
      onDone: { target: COLLAPSE_ENDED_STATE },
    },
    [COLLAPSE_ENDED_STATE]: { type: 'final' },
  };
}

export function initialContext(doc: SopDocument, input: SopInput): SopContext {
  return {
    sopId: doc.id, sopVersion: doc.version, modality: input.modality, startedAt: input.startedAt,
    trail: [], moves: [], answers: [], ticks: {}, contacts: [], deadline: null, reminders: {},
    collapsedAt: null, outcome: null,
  };
}

/** Compile a document that passed validateSop (an invalid one gives a broken machine). */
export function compileSop(doc: SopDocument, options: CompileOptions = {}) {
  const { collapse } = options;
  const collapseEntered = (event: EventLike, context: SopContext): StepRecord => ({
    type: 'collapse', sopId: doc.id, sopVersion: doc.version,
    stepId: context.trail[context.trail.length - 1] ?? doc.start, stepKind: 'collapse',
    at: eventAt(event, context), data: { collapseSop: collapse?.id ?? null, collapseVersion: collapse?.version ?? null },
  });
  // Written inline so XState's setup types every guard and action name below.
  return sopSetup(options.onRecord).createMachine({
    id: 'sop',
    context: ({ input }: { input: SopInput }) => initialContext(doc, input),
    initial: doc.start,
    states: { ...stepStates(doc, ''), ...(collapse ? collapseStates(collapse) : {}) },
    on: {
      REMINDER_DONE: {
        guard: 'isReminder',
        actions: [
          'recordReminderDone',
          {
            type: 'emitRecord',
            params: ({ context, event }: { context: SopContext; event: EventLike }): StepRecord => {
              const reminder = context.reminders[String(event.item)];
              return {
                type: 'reminder-done', sopId: doc.id, sopVersion: doc.version,
                stepId: reminder?.stepId ?? '', stepKind: 'actions', at: eventAt(event, context),
                data: { item: String(event.item), nextDueAt: reminder?.dueAt ?? null },
              };
            },
          },
        ],
      },
      ...(collapse
        ? {
            COLLAPSE: {
              guard: 'notCollapsed',
              target: `.${COLLAPSE_STATE}`,
              actions: [{ type: 'emitRecord', params: ({ context, event }: { context: SopContext; event: EventLike }) => collapseEntered(event, context) }, 'enterCollapse'],
            },
          }
        : {}),
    },
  });
}

export type SopMachine = ReturnType<typeof compileSop>;
