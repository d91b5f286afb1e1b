// Shared set-up for the Author tests: a fresh database each time and a small
// valid SOP (question → actions → contact → wait → outcomes), as plain JSON.
import { openLogDb, type LogDb } from '../../../src/db/database';
import type { SopDocument } from '../../../src/engine';
import { generateLargeSop } from '../../support/engineGeneratedSop';

export const freshDb = (): LogDb => openLogDb(`author-test-${globalThis.crypto.randomUUID()}`);

export function smallSop(): SopDocument {
  return { ...generateLargeSop(1), id: 'tiny-sop', title: 'Tiny test SOP', status: 'template' } as SopDocument;
}

export const SIGN_OFF = { name: 'Network lead', role: 'Consultant cardiologist', date: '2026-11-20', reviewDue: '2027-11-20' };

export function sopFile(value: unknown, name = 'sop.json'): File {
  return new File([typeof value === 'string' ? value : JSON.stringify(value)], name, { type: 'application/json' });
}
