import { describe, expect, it } from 'vitest';
import { appendEvents, loadEpisode, verifyEpisode } from '../../../src/db/log';
import { GENESIS_HASH } from '../../../src/db/database';
import { freshDb, recordEpisode, reachRegistrar, completeSameDay, T0, MINUTE } from '../logFixtures';

describe('the hash chain of an episode', () => {
  it('links every event to the one before it, from the genesis link', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db, { events: [reachRegistrar(T0 + 2 * MINUTE), ...completeSameDay(T0 + 5 * MINUTE)] });
    const { events } = await loadEpisode(episode.id, db);
    expect(events.map((event) => event.seq)).toEqual([1, 2, 3, 4]);
    expect(events[0]!.prevHash).toBe(GENESIS_HASH);
    for (let index = 1; index < events.length; index += 1) expect(events[index]!.prevHash).toBe(events[index - 1]!.hash);
    expect(await verifyEpisode(episode.id, db)).toEqual({ ok: true, head: events[3]!.hash, seq: 4 });
  });

  it('reports the first event whose content was edited in storage', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db, { events: [reachRegistrar(T0 + MINUTE, 'noAnswer'), reachRegistrar(T0 + 3 * MINUTE)] });
    await db.events.update([episode.id, 2], { data: { role: 'cardiology-registrar', roleType: 'clinician', result: 'accepted' } });
    const check = await verifyEpisode(episode.id, db);
    expect(check).toMatchObject({ ok: false, brokenAt: 2 });
    if (!check.ok) expect(check.reason).toMatch(/changed after it was written/);
  });

  it('reports a deleted event in the middle of the chain', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db, { events: [reachRegistrar(T0 + MINUTE), ...completeSameDay(T0 + 2 * MINUTE)] });
    await db.events.delete([episode.id, 2]);
    expect(await verifyEpisode(episode.id, db)).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('reports a chain cut short at the end, against the head kept on the episode', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db, { events: completeSameDay(T0 + MINUTE) });
    await db.events.delete([episode.id, 3]);
    expect(await verifyEpisode(episode.id, db)).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('reports an event rehashed on its own, because the next link no longer matches', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db, { events: completeSameDay(T0 + MINUTE) });
    const { events } = await loadEpisode(episode.id, db);
    await db.events.update([episode.id, 2], { hash: events[2]!.hash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) });
    const check = await verifyEpisode(episode.id, db);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.brokenAt).toBe(2);
  });

  it('records wall-clock and monotonic time on every event', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db);
    const result = await appendEvents(episode.id, [{ type: 'note', at: T0 + MINUTE, mono: 12_345.5 }, { type: 'note', at: T0 + 2 * MINUTE }], {}, db);
    expect(result.events[0]).toMatchObject({ at: T0 + MINUTE, mono: 12_345.5 });
    expect(result.events[1]!.mono).toBeGreaterThan(0);
  });
});

describe('SOP content hashes', () => {
  it('are the same whether the engine or the log computes them', async () => {
    const { hashSop } = await import('../../../src/engine');
    const { sampleSop, hashOf } = await import('../logFixtures');
    expect(await hashOf(sampleSop)).toBe(await hashSop(sampleSop as never));
  });
});
