// Everything an escalation runs on, in one file split from the first screen:
// the shipped SOP documents (registered with the library here), the engine,
// the step screens and the governance-log store. Loaded by
// loadEscalationRuntime.ts at start.
import { registerBuiltInSops } from '../../db/library';
import { builtInSops, collapseSop } from '../../sops';
import builtInHashes from '../../sops/derived/hashes.json';
import { createDbEpisodeStore } from './episode/dbEpisodeStore';

registerBuiltInSops([...builtInSops, collapseSop], builtInHashes);

export { EpisodeScreen } from './screen/EpisodeScreen';
export { ResumeError, resumeEpisodeRun, startEpisodeRun } from './episode/openEpisode';
export { failureMessage } from './episode/failureMessage';
/** Each listing's urgency (the Escalate list's order) is worked out here, where the engine is loaded. */
export { mostUrgentOutcome } from '../../engine';
export { librarySopSource } from './list/sopSource';
export { SandboxRunner } from './SandboxRunner';

/** The app's store: the hash-chained log in IndexedDB. */
export const defaultStore = createDbEpisodeStore();
