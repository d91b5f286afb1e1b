// Where the Escalate list gets its SOPs: the version in use for each finding
// (a locally approved one replaces the template; see src/db/library.ts), and
// the collapse pathway that the always-visible button starts.
import type { SopDocument } from '../../../engine';
import { COLLAPSE_SOP_ID, activeSopFor, activeSops } from '../../../db/library';

export { COLLAPSE_SOP_ID };

export interface RunnableSop {
  doc: SopDocument;
  /** Content hash recorded with each episode. */
  hash: string;
}

export interface SopSource {
  /** Every finding SOP in use (all modalities), so the list can load while the session settings are still being read. */
  list(): Promise<RunnableSop[]>;
  collapse(): Promise<RunnableSop | null>;
}

export const librarySopSource: SopSource = {
  list: async () => (await activeSops()).map(({ doc, hash }) => ({ doc, hash })),
  collapse: async () => {
    const active = await activeSopFor(COLLAPSE_SOP_ID);
    return active ? { doc: active.doc, hash: active.hash } : null;
  },
};
