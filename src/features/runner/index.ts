// The runner's door for the shell: the Escalate section (first screen) and the
// loader of the escalation runtime split from it.
export { EscalateSection } from './EscalateSection';
export { loadEscalationRuntime, useEscalationRuntime, RUNTIME_UNAVAILABLE, type EscalationRuntime } from './loadEscalationRuntime';
