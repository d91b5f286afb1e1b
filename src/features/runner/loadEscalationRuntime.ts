// The running part of Escalate (engine, SOP documents, step screens, log
// writes) is split from the first screen and fetched at start, straight after
// the first paint — never on first use: an app update deletes the old build's
// files, so a page must already hold everything an escalation needs.
import { useEffect, useState } from 'react';

export const RUNTIME_UNAVAILABLE =
  'The escalation steps could not be loaded on this device. Reload the app; if it keeps failing, use your paper SOPs.';

export type EscalationRuntime = typeof import('./escalationRuntime');

let loading: Promise<EscalationRuntime> | null = null;
let loaded: EscalationRuntime | null = null;

export function loadEscalationRuntime(): Promise<EscalationRuntime> {
  loading ??= import('./escalationRuntime').then(
    (runtime) => {
      loaded = runtime;
      return runtime;
    },
    (error: unknown) => {
      // Let a later call try again rather than keep a failed load forever.
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The runtime once it has loaded (at once if it already has), else null. */
export function useEscalationRuntime(): { runtime: EscalationRuntime | null; failed: boolean } {
  const [state, setState] = useState<{ runtime: EscalationRuntime | null; failed: boolean }>({ runtime: loaded, failed: false });
  useEffect(() => {
    if (state.runtime) return;
    let live = true;
    loadEscalationRuntime().then(
      (runtime) => live && setState({ runtime, failed: false }),
      () => live && setState({ runtime: null, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [state.runtime]);
  return state;
}
