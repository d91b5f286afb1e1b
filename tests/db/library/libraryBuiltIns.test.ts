// The Escalate list takes the shipped templates as the test suite proved them
// (valid, with the content hashes worked out at build time); the Author's view
// still validates them to show their warnings, and stored versions are always
// validated.
import { afterEach, describe, expect, it } from 'vitest';
import { openLogDb } from '../../../src/db/database';
import { activeSopFor, activeSops, listLibrary, registerBuiltInSops } from '../../../src/db/library';
import { hashSop, type SopDocument } from '../../../src/engine';
import { builtInSops, collapseSop } from '../../../src/sops';

const freshDb = () => openLogDb(`library-builtins-${globalThis.crypto.randomUUID()}`);
const TODAY = '2026-11-27';

afterEach(() => registerBuiltInSops([...builtInSops, collapseSop]));

describe('shipped templates on the Escalate path', () => {
  it('use the content hashes recorded at build time', async () => {
    const copies = builtInSops.map((doc) => structuredClone(doc) as SopDocument);
    // A stand-in value shows the recorded hash is what is used (tests/sops checks the real ones match).
    registerBuiltInSops(copies, { 'fast-af': 'a'.repeat(64) });
    const active = await activeSopFor('fast-af', { db: freshDb(), today: TODAY });
    expect(active?.hash).toBe('a'.repeat(64));
  });

  it('ignore a recorded hash that is not a SHA-256 and work it out instead', async () => {
    const copies = builtInSops.map((doc) => structuredClone(doc) as SopDocument);
    registerBuiltInSops(copies, { 'fast-af': 'not-a-hash' });
    const active = await activeSopFor('fast-af', { db: freshDb(), today: TODAY });
    expect(active?.hash).toBe(await hashSop(copies.find((doc) => doc.id === 'fast-af')!));
  });

  it('are not re-validated for the list, while the Author still sees their warnings', async () => {
    const overdue = builtInSops.map((doc) => ({ ...structuredClone(doc), reviewDue: '2020-01-01' }) as SopDocument);
    registerBuiltInSops(overdue);
    const db = freshDb();
    const authorView = await listLibrary({ db, today: TODAY });
    expect(authorView.find((entry) => entry.sopId === 'fast-af')?.problems.some((p) => p.severity === 'warning')).toBe(true);
    const escalateView = await listLibrary({ db, today: TODAY, checkBuiltIns: false });
    expect(escalateView.find((entry) => entry.sopId === 'fast-af')).toMatchObject({ problems: [], broken: false, overdue: true });
    expect((await activeSops('echo', { db, today: TODAY })).map((sop) => sop.doc.id)).toContain('fast-af');
  });
});
