import { describe, expect, it } from 'vitest';
import { getDirectoryEntry, listDirectory, listDirectoryInUse, putDirectoryEntry, deleteDirectoryEntry, getSetting, putSetting, parseDirectoryText, DIRECTORY_FORMAT } from '../../../src/db/config';
import { saveSnapshot, loadSnapshot, appendEvents } from '../../../src/db/log';
import { freshDb, recordEpisode, T0 } from '../logFixtures';

describe('the local contacts directory and settings', () => {
  it('stores, lists and removes directory entries by role', async () => {
    const db = freshDb();
    await putDirectoryEntry({ roleId: 'medical-registrar', name: 'Medical registrar on call', phone: '', extension: 'bleep (local)', hours: '24/7', fallbackRoleId: '' }, db);
    await putDirectoryEntry({ roleId: 'cardiology-registrar', name: 'Cardiology on call', phone: '', extension: '', hours: '08:00–20:00', fallbackRoleId: 'medical-registrar' }, db);
    expect((await listDirectory(db)).map((row) => row.roleId)).toEqual(['cardiology-registrar', 'medical-registrar']);
    expect(await getDirectoryEntry('cardiology-registrar', db)).toMatchObject({ fallbackRoleId: 'medical-registrar' });
    await deleteDirectoryEntry('medical-registrar', db);
    expect(await listDirectory(db)).toHaveLength(1);
  });

  it('refuses a malformed directory entry with a plain message', async () => {
    const db = freshDb();
    await expect(putDirectoryEntry({ roleId: 'Not Kebab', name: '', phone: '', extension: '', hours: '', fallbackRoleId: '' }, db)).rejects.toMatchObject({ kind: 'invalid', userMessage: 'Role ids are kebab-case.' });
    await expect(putDirectoryEntry({ roleId: 'ward', name: '', phone: 'call me', extension: '', hours: '', fallbackRoleId: '' }, db)).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('fills the ambulance and stand-alone emergency roles with 999 on a fresh install (a national number, not a local one)', async () => {
    const db = freshDb();
    expect(await listDirectory(db)).toEqual([]);
    expect(await getDirectoryEntry('ambulance-999', db)).toMatchObject({ phone: '999' });
    expect(await getDirectoryEntry('resuscitation', db)).toMatchObject({ phone: '999', name: expect.stringMatching(/hospital site.*2222/) });
    expect(await getDirectoryEntry('cardiology-registrar', db)).toBeUndefined();
    expect((await listDirectoryInUse(db)).map((row) => row.roleId)).toEqual(['ambulance-999', 'resuscitation']);
    // A hospital site puts its arrest number in; deleting it goes back to 999, never to nothing.
    await putDirectoryEntry({ roleId: 'resuscitation', name: 'Hospital arrest team', phone: '2222', extension: '', hours: '24 hours', fallbackRoleId: '' }, db);
    expect(await getDirectoryEntry('resuscitation', db)).toMatchObject({ phone: '2222' });
    await deleteDirectoryEntry('resuscitation', db);
    expect(await getDirectoryEntry('resuscitation', db)).toMatchObject({ phone: '999' });
  });

  it('refuses to empty an emergency role, by hand or by file', async () => {
    const db = freshDb();
    await expect(putDirectoryEntry({ roleId: 'ambulance-999', name: 'Ambulance', phone: '', extension: '', hours: '', fallbackRoleId: '' }, db)).rejects.toMatchObject({ kind: 'invalid' });
    expect(parseDirectoryText(JSON.stringify({ format: DIRECTORY_FORMAT, entries: [{ roleId: 'ambulance-999', phone: '' }] }))).toMatchObject({ ok: false });
  });

  it('keeps settings by key', async () => {
    const db = freshDb();
    expect(await getSetting('session', db)).toBeUndefined();
    await putSetting('session', { site: 'Riverside CDC', modality: 'ct' }, db);
    expect(await getSetting('session', db)).toEqual({ site: 'Riverside CDC', modality: 'ct' });
  });
});

describe('the snapshot cache', () => {
  it('returns a snapshot only while it matches the SOP, the app version and the chain head', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db);
    const key = { sopHash: episode.sopHash, appVersion: 'test' };
    await saveSnapshot({ episodeId: episode.id, ...key, seq: 1, snapshot: { value: 'checkSymptoms' } }, db);
    expect((await loadSnapshot(episode.id, key, db))?.snapshot).toEqual({ value: 'checkSymptoms' });
    expect(await loadSnapshot(episode.id, { ...key, appVersion: 'newer' }, db)).toBeUndefined();
    await appendEvents(episode.id, [{ type: 'note', at: T0 + 1 }], {}, db);
    expect(await loadSnapshot(episode.id, key, db)).toBeUndefined();
  });
});
