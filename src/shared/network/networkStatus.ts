// What the shell and the Settings → Network panel both show of the sync: a
// small store (no PouchDB, no sync code) the runtime writes and both read.
// Identity holds the server, site and device account only: never the secret.
import { useSyncExternalStore } from 'react';
import type { NetworkIdentity, SessionDefaults, SyncReport } from '../../db/sync';

export interface NetworkStatus {
  /** False until the stored credentials have been looked at. */
  checked: boolean;
  identity: NetworkIdentity | null;
  report: SyncReport | null;
}

let status: NetworkStatus = { checked: false, identity: null, report: null };
const listeners = new Set<() => void>();

export function setNetworkStatus(patch: Partial<NetworkStatus>): void {
  status = { ...status, ...patch };
  listeners.forEach((listener) => listener());
}

export function getNetworkStatus(): NetworkStatus {
  return status;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useNetworkStatus(): NetworkStatus {
  return useSyncExternalStore(subscribe, getNetworkStatus, getNetworkStatus);
}

const defaultsListeners = new Set<(defaults: SessionDefaults) => void>();

/** Session defaults (site name, modality) published for this tablet's site arrived from the network. */
export function announceSessionDefaults(defaults: SessionDefaults): void {
  defaultsListeners.forEach((listener) => listener(defaults));
}

export function onSessionDefaults(listener: (defaults: SessionDefaults) => void): () => void {
  defaultsListeners.add(listener);
  return () => defaultsListeners.delete(listener);
}

/** The header's few words: null when the tablet is not on a network. */
export function indicatorWords(current: NetworkStatus): { text: string; tone: 'ok' | 'busy' | 'warning' | 'error' } | null {
  if (!current.identity) return null;
  const report = current.report;
  if (!report) return { text: 'Network: starting', tone: 'busy' };
  const waiting = report.waiting > 0 ? ` · ${report.waiting} waiting` : '';
  switch (report.phase) {
    case 'up-to-date': return { text: report.problem ? 'Synced · see note' : 'Synced', tone: report.problem ? 'warning' : 'ok' };
    case 'connecting': return { text: `Connecting${waiting}`, tone: 'busy' };
    case 'sending': return { text: `Sending${waiting}`, tone: 'busy' };
    case 'offline': return { text: `Offline${waiting}`, tone: 'warning' };
    case 'unreachable': return { text: `Server unreachable${waiting}`, tone: 'warning' };
    case 'revoked': return { text: 'Network access withdrawn', tone: 'error' };
    default: return { text: `Sync problem${waiting}`, tone: 'error' };
  }
}
