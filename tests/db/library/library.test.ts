// The author's library: templates listed, publishing with sign-off (frozen by
// content hash), the version the Escalate screen runs, restore, imports that
// store nothing unless valid, and stored documents re-validated on read.
import { describe, expect, it } from 'vitest';
import { openLogDb, type LogDb } from '../../../src/db/database';
import { activeSopFor, activeSops, listLibrary } from '../../../src/db/library';
import { LibraryRefusal, importSopText, publish, restoreVersion, saveDraft, startDraft } from '../../../src/db/library';
import { hashSop, type SopDocument } from '../../../src/engine';
import { builtInSops } from '../../../src/sops';

const freshDb = (): LogDb => openLogDb(`library-test-${globalThis.crypto.randomUUID()}`);
const TODAY = '2026-11-27';
const fastAf = builtInSops.find((s) => s.id === 'fast-af')!;
const signOff = { name: 'Network lead', role: 'Consultant cardiologist', date: '2026-11-20', reviewDue: '2027-11-20' };

async function publishVersion(db: LogDb, from: SopDocument, change: Partial<SopDocument> = {}) {
  const key = await startDraft(from, db);
  const draft = { ...(await db.sops.get(key))!.document as SopDocument, ...change };
  await saveDraft(key, draft, db);
  return { key, ...(await publish(draft, signOff, { draftKey: key, db, today: TODAY })) };
}

describe('the library', () => {
  it('lists every built-in SOP as a template that the Escalate screen uses', async () => {
    const entries = await listLibrary({ db: freshDb(), today: TODAY });
    const templates = entries.filter((e) => e.source === 'built-in' && e.sopId === 'fast-af');
    expect(templates).toHaveLength(1);
    expect(templates[0]).toMatchObject({ status: 'template', inUse: true, broken: false });
    const active = await activeSopFor('fast-af', { db: freshDb(), today: TODAY });
    expect(active?.source).toBe('built-in');
    expect(active?.hash).toBe(await hashSop(fastAf));
  });

  it('publishes a draft frozen by content hash, records the sign-off and replaces the template', async () => {
    const db = freshDb();
    const { key, hash, doc } = await publishVersion(db, fastAf, { title: 'Fast AF (Network version)' });
    expect(doc.status).toBe('approved');
    expect(doc.approval).toEqual({ name: 'Network lead', role: 'Consultant cardiologist', date: '2026-11-20' });
    expect(hash).toBe(await hashSop(doc));
    expect(await db.sops.get(key)).toBeUndefined();
    const entry = (await listLibrary({ db, today: TODAY })).find((e) => e.key === hash)!;
    expect(entry.signOff).toMatchObject({ hash, name: 'Network lead', version: doc.version, via: 'published' });
    const active = await activeSopFor('fast-af', { db, today: TODAY });
    expect(active).toMatchObject({ hash, source: 'local' });
    expect(active?.doc.title).toBe('Fast AF (Network version)');
  });

  it('refuses to publish while the validator finds errors, and stores nothing', async () => {
    const db = freshDb();
    const broken = { ...fastAf, status: 'draft', references: [] };
    await expect(publish(broken, signOff, { db, today: TODAY })).rejects.toBeInstanceOf(LibraryRefusal);
    expect(await db.sops.count()).toBe(0);
  });

  it('refuses a second approval of the same version number with different content', async () => {
    const db = freshDb();
    const first = await publishVersion(db, fastAf);
    const again = { ...first.doc, status: 'draft' as const, approval: null, title: 'Changed title' };
    await expect(publish(again, signOff, { db, today: TODAY })).rejects.toThrow(/already approved/);
  });

  it('runs the latest approved version, an older one once restored, and the latest again when the pin is cleared', async () => {
    const db = freshDb();
    const older = await publishVersion(db, fastAf);
    const newer = await publishVersion(db, older.doc);
    expect((await activeSopFor('fast-af', { db, today: TODAY }))?.hash).toBe(newer.hash);
    await restoreVersion('fast-af', older.hash, db);
    expect((await activeSopFor('fast-af', { db, today: TODAY }))?.hash).toBe(older.hash);
    const listed = await listLibrary({ db, today: TODAY });
    expect(listed.find((e) => e.key === older.hash)).toMatchObject({ inUse: true, pinned: true });
    await restoreVersion('fast-af', null, db);
    expect((await activeSopFor('fast-af', { db, today: TODAY }))?.hash).toBe(newer.hash);
  });

  it('shows a stored approved version that no longer validates as broken and never runs it', async () => {
    const db = freshDb();
    const { hash } = await publishVersion(db, fastAf);
    const row = (await db.sops.get(hash))!;
    await db.sops.put({ ...row, document: { ...(row.document as object), start: 'noSuchStep' } });
    const entry = (await listLibrary({ db, today: TODAY })).find((e) => e.key === hash)!;
    expect(entry.broken).toBe(true);
    expect(entry.inUse).toBe(false);
    expect((await activeSopFor('fast-af', { db, today: TODAY }))?.source).toBe('built-in');
  });

  it('keeps only SOPs for the modality asked for, and never lists the collapse pathway', async () => {
    const active = await activeSops('mri', { db: freshDb(), today: TODAY });
    expect(active.length).toBeGreaterThan(0);
    expect(active.every((a) => a.doc.modalities.includes('mri'))).toBe(true);
    expect(active.some((a) => a.doc.id === 'collapse')).toBe(false);
  });
});

describe('importing an SOP file', () => {
  it('stores nothing when the file has problems and reports them by step', async () => {
    const db = freshDb();
    const bad = { ...fastAf, steps: fastAf.steps.map((s, i) => (i === 0 ? { ...s, title: '' } : s)) };
    const result = await importSopText(JSON.stringify(bad), { db, today: TODAY });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.some((p) => p.stepId === fastAf.steps[0]!.id)).toBe(true);
    expect(await db.sops.count()).toBe(0);
  });

  it('stores a valid template file as a draft, and an unsigned "approved" file as a draft that never runs, saying why', async () => {
    const db = freshDb();
    const asDraft = await importSopText(JSON.stringify(fastAf), { db, today: TODAY });
    expect(asDraft).toMatchObject({ ok: true, status: 'draft' });
    const approved = { ...fastAf, version: '2.0.0', status: 'approved', approval: { name: 'Network lead', role: 'Lead physiologist', date: '2026-11-01' } };
    const imported = await importSopText(JSON.stringify(approved), { db, today: TODAY });
    expect(imported).toMatchObject({ ok: true, status: 'draft', reason: 'this tablet has no network trust list, so no approval can be checked' });
    const entry = (await listLibrary({ db, today: TODAY })).find((e) => imported.ok && e.key === imported.key)!;
    expect(entry).toMatchObject({ status: 'draft', inUse: false, signOff: null });
  });

  it('never saves a draft over a frozen version', async () => {
    const db = freshDb();
    const { hash } = await publishVersion(db, fastAf);
    await expect(saveDraft(hash, { ...fastAf, title: 'Sneaky change' }, db)).rejects.toBeInstanceOf(LibraryRefusal);
  });
});
