// Public API of the SOP engine: schema and types, validation, compilation,
// replay and the pure helpers the runner and the log need. Pure TypeScript:
// no React, no IndexedDB; runs in the browser and in Node.
export * from './schema/document';
export {
  MODALITIES, ROLE_TYPES, MAX_STEPS, type Modality, type RoleType,
} from './schema/primitives';
export { STEP_KIND_NAMES, stepKindOf, type StepKindName } from './steps/registry';
export type { Successor } from './steps/stepKind';
export { CONTACT_RESULTS } from './steps/contact';
export { EXPIRED_VIA } from './steps/wait';
export type { Problem, Severity } from './validate/problem';
export { validateSop, parseSopText, type ValidateOptions, type ValidationResult } from './validate/validateSop';
export { TEMPLATE_WARNING } from './validate/governanceRules';
export {
  compileSop, initialContext, COLLAPSE_STATE, COLLAPSE_ENDED_STATE, COLLAPSE_PREFIX,
  type CompileOptions, type SopMachine,
} from './compile/compileSop';
export * from './compile/runTypes';
export { foldUndo, replaySop, type SopSnapshot } from './replay';
export { stepperFor, type SopStepper, type PendingAction } from './stepper';
export { currentStep, type CurrentStep } from './currentStep';
export { waysOn } from './waysOn';
export { buildSbar, type Sbar, type SbarExtras } from './sbar';
export * from './news2';
export * from './cprMarks';
export { collapseContinuation } from './collapseContinuation';
export { URGENCIES, URGENCY_LABEL, compareUrgency, type Urgency } from './urgency';
export { mostUrgentOutcome, reachableUrgencies } from './reachableUrgencies';
export { canonicalSopJson, hashSop } from './canonical';
export { rolesUsed } from './roles';
export {
  enumeratePaths, walkPaths, countPaths, type SopPath, type PathStep, type EnumerateOptions, type WalkOptions, type PathCount,
} from './paths/enumeratePaths';
export { escalationFacts, callInWords, isReached, type CallFact, type EscalationFacts } from './escalation';
export { itemsShown } from './steps/actions';
export { SKIPPED_VIA, PASSED_VIA } from './steps/wait';
export { readRoleType, effectiveRoleType, isEmergencyNumber, EMERGENCY_NUMBERS, type RoleTypeReading } from './effectiveRoleType';
export type { DirectoryPhones } from './validate/positionRules';
export * from './trust';
