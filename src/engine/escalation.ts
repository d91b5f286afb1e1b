// What the escalation actually achieved, from the calls in context: who was
// reached, who was not (no answer, or no number on this device), and whether
// anyone clinical was spoken to. Outcome screens, report wording and the log
// say this rather than what the SOP hoped would happen.
import type { SopContext } from './compile/runTypes';
import type { RoleType } from './schema/primitives';
import type { SopDocument } from './schema/document';

export interface CallFact {
  stepId: string;
  role: string;
  roleTitle: string;
  roleType: RoleType | null;
  result: SopContext['contacts'][number]['result'];
  /** The role had no number on this device: nobody was called. */
  notConfigured: boolean;
  advice: string | null;
  at: number;
}

export interface EscalationFacts {
  calls: CallFact[];
  /** Roles someone answered for (accepted, advised or declined), first time reached. */
  reached: CallFact[];
  /** Roles tried and never reached, with their last attempt. */
  notReached: CallFact[];
  /** A clinician, receiving team or the arrest team was spoken to. */
  clinicianReached: boolean;
}

/** Role types whose answer is a clinical conversation (a 999 call handler is not). */
const CLINICAL: ReadonlySet<RoleType> = new Set<RoleType>(['clinician', 'receiving-team', 'resuscitation']);

export const isReached = (call: Pick<CallFact, 'result' | 'notConfigured'>): boolean => call.result !== 'noAnswer' && !call.notConfigured;

export function escalationFacts(context: Pick<SopContext, 'contacts'>, ...docs: ReadonlyArray<SopDocument | undefined>): EscalationFacts {
  const roleOf = (id: string) => {
    for (const doc of docs) {
      const role = doc?.roles.find((r) => r.id === id);
      if (role) return role;
    }
    return undefined;
  };
  const calls: CallFact[] = context.contacts.map((c) => {
    const role = roleOf(c.role);
    return {
      stepId: c.stepId, role: c.role, roleTitle: role?.title ?? c.role, roleType: role?.type ?? null, result: c.result,
      notConfigured: c.notConfigured === true, advice: c.advice ?? null, at: c.at,
    };
  });
  const reached: CallFact[] = [];
  for (const call of calls) if (isReached(call) && !reached.some((r) => r.role === call.role)) reached.push(call);
  const notReached: CallFact[] = [];
  for (const call of calls) {
    if (isReached(call) || reached.some((r) => r.role === call.role)) continue;
    const earlier = notReached.findIndex((r) => r.role === call.role);
    if (earlier >= 0) notReached.splice(earlier, 1);
    notReached.push(call);
  }
  return { calls, reached, notReached, clinicianReached: reached.some((r) => r.roleType !== null && CLINICAL.has(r.roleType)) };
}

const RESULT_WORDS = { accepted: 'accepted', advised: 'gave advice', declined: 'declined', noAnswer: 'no answer' } as const;

/** "Title (result)" for a call, saying plainly when nobody was called. */
export function callInWords(call: CallFact): string {
  if (call.notConfigured) return `${call.roleTitle} (not configured on this device: not called)`;
  const advice = call.advice ? `: "${call.advice}"` : '';
  return `${call.roleTitle} (${RESULT_WORDS[call.result]}${advice})`;
}
