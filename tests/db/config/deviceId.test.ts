// The device id: made once, kept, recorded by every new episode; episodes
// recorded before it existed read as unknown.
import { describe, expect, it } from 'vitest';
import { getDeviceId, getSetting, UNKNOWN_DEVICE } from '../../../src/db/config';
import { openLogDb } from '../../../src/db/database';
import { episodeFromStartEvent } from '../../../src/db/log';
import { freshDb, recordEpisode } from '../logFixtures';

describe('the device id', () => {
  it('is made once, stored in IndexedDB and the same on every later read (even another connection)', async () => {
    const db = freshDb();
    const [first, second] = await Promise.all([getDeviceId(db), getDeviceId(db)]);
    expect(first).toMatch(/^dev-[0-9a-f]{32}$/);
    expect(second).toBe(first);
    expect(await getSetting('deviceId', db)).toBe(first);
    expect(await getDeviceId(openLogDb(db.name))).toBe(first);
    expect(await getDeviceId(freshDb())).not.toBe(first);
  });

  it('is recorded by every new episode, in its chained first event and on its row', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db);
    const id = await getDeviceId(db);
    expect(episode.deviceId).toBe(id);
    expect((await db.episodes.get(episode.id))?.deviceId).toBe(id);
    const [started] = await db.events.where('[episodeId+seq]').between([episode.id, 0], [episode.id, Infinity]).toArray();
    expect(started?.data.deviceId).toBe(id);
  });

  it('reads as unknown on an episode recorded before device ids existed', () => {
    const row = episodeFromStartEvent({ episodeId: 'e1', type: 'episode-started', stepId: '', data: { sopId: 'x' }, at: 1, seq: 1, hash: 'a'.repeat(64) }, 'local');
    expect(row.deviceId ?? UNKNOWN_DEVICE).toBe(UNKNOWN_DEVICE);
  });
});
