// The session: which site and modality this tablet is working on, and the
// operator's role (a role, never a name). Runner episodes take them from here
// so starting an escalation never asks for a form.

import { MODALITIES, MODALITY_LABEL, type Modality } from '../../engine/modalities';

export { MODALITIES, MODALITY_LABEL, type Modality };

export interface SessionSettings {
  site: string;
  modality: Modality | null;
  operatorRole: string;
}

export const EMPTY_SESSION: SessionSettings = { site: '', modality: null, operatorRole: '' };

const LIMIT = 120;

/** Settings come back from storage: accept only well-formed values. */
export function parseSessionSettings(value: unknown): SessionSettings {
  if (!value || typeof value !== 'object') return EMPTY_SESSION;
  const record = value as Record<string, unknown>;
  const text = (field: unknown) => (typeof field === 'string' ? field.slice(0, LIMIT) : '');
  const modality = MODALITIES.find((item) => item === record.modality) ?? null;
  return { site: text(record.site), modality, operatorRole: text(record.operatorRole) };
}

export interface SettingsStore {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
}

export const SESSION_KEY = 'session';
