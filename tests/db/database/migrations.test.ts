import { describe, expect, it } from 'vitest';
import { LogDb, LATEST_VERSION, GENESIS_HASH, type EventRow } from '../../../src/db/database';
import { listEpisodes, loadDashboard, computeDashboard, statsFromEpisodes } from '../../../src/db/read';
import { verifyEpisode } from '../../../src/db/log';
import { verifyEpisodes } from '../../../src/db/export';
import { chainEvents } from '../../../src/db/log';
import { episodeFromEvents } from '../../../src/db/log';
import { packOf, unpack } from '../../../src/db/packs';
import { newEpisodeId } from '../../../src/db/log';
import { blockMembers } from '../../../src/db/packs';
import { hashOf, sampleSop, T0, MINUTE } from '../logFixtures';

/** What version 1 of the app wrote: episode rows without the outcome fields. */
async function fillVersion1(db: LogDb, count: number) {
  const sopHash = await hashOf(sampleSop);
  await db.sops.add({ hash: sopHash, id: 'fast-af', version: '1.0.0', status: 'template', title: sampleSop.title, source: 'built-in', document: sampleSop, storedAt: T0 });
  const written: EventRow[][] = [];
  for (let n = 0; n < count; n += 1) {
    const episodeId = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const at = T0 + n * 60 * MINUTE;
    const events = await chainEvents({ seq: 0, hash: GENESIS_HASH }, [
      { episodeId, id: `e${n}-1`, type: 'episode-started', stepId: '', at, mono: 0, data: { sopId: 'fast-af', sopVersion: '1.0.0', sopHash, site: 'Riverside CDC', modality: 'echo' } },
      { episodeId, id: `e${n}-2`, type: 'contact-attempt', stepId: 'callRegistrar', at: at + MINUTE, mono: 60_000, data: { role: 'cardiology-registrar', roleType: 'clinician', result: n % 2 ? 'noAnswer' : 'accepted' } },
      { episodeId, id: `e${n}-3`, type: 'outcome-reached', stepId: 'sameDayReview', at: at + 2 * MINUTE, mono: 120_000, data: { urgency: 'same-day' } },
      { episodeId, id: `e${n}-4`, type: 'episode-completed', stepId: 'sameDayReview', at: at + 3 * MINUTE, mono: 180_000, data: {} },
    ]);
    const head = events[events.length - 1]!;
    const v1Row = {
      id: episodeId, sopId: 'fast-af', sopVersion: '1.0.0', sopHash, site: 'Riverside CDC', modality: 'echo', operatorRole: '', localRef: '',
      status: 'completed', startedAt: at, endedAt: head.at, lastSeq: head.seq, headHash: head.hash, lastEventAt: head.at, appVersion: '0.0.1', origin: 'local',
    };
    await db.table('episodes').add(v1Row);
    await db.events.bulkAdd(events);
    written.push(events);
  }
  await db.directory.put({ roleId: 'cardiology-registrar', name: 'Cardiology on call', phone: '', extension: 'bleep (local)', hours: '24/7', fallbackRoleId: '', updatedAt: T0 });
  await db.settings.put({ key: 'session', value: { site: 'Riverside CDC' } });
  return written;
}

describe('upgrading the log database from version 1 to version 2', () => {
  it('keeps every row, fills the new outcome fields from the events, and the new indexes answer queries', async () => {
    const name = `migration-${globalThis.crypto.randomUUID()}`;
    const v1 = new LogDb(name, 1);
    const written = await fillVersion1(v1, 6);
    const before = { episodes: await v1.table('episodes').toArray(), events: await v1.events.toArray(), sops: await v1.sops.toArray() };
    expect(before.episodes[0]).not.toHaveProperty('urgency');
    v1.close();

    const v2 = new LogDb(name, 2);
    await v2.open();
    expect(v2.verno).toBe(2);
    expect(await v2.events.toArray()).toEqual(before.events);
    expect(await v2.sops.toArray()).toEqual(before.sops);
    expect(await v2.directory.count()).toBe(1);
    expect(await v2.settings.get('session')).toEqual({ key: 'session', value: { site: 'Riverside CDC' } });

    const after = await v2.episodes.toArray();
    expect(after).toHaveLength(6);
    for (const [index, row] of after.entries()) {
      expect(row).toMatchObject(before.episodes[index]);
      const startedAt = written[index]![0]!.at;
      expect(row).toMatchObject({ urgency: 'same-day', outcomeStepId: 'sameDayReview', firstClinicianReachedAt: index % 2 ? null : startedAt + MINUTE });
      expect(row.contacts).toHaveLength(1);
      expect((await verifyEpisode(row.id, v2)).ok).toBe(true);
    }
    const page = await listEpisodes({ urgency: 'same-day', outcomeStepId: 'sameDayReview' }, null, 50, v2);
    expect(page.rows).toHaveLength(6);
    v2.close();
  });
});

describe('upgrading the log database from version 2 to version 3', () => {
  it('keeps every row and builds the monthly dashboard totals from the stored episodes', async () => {
    const name = `migration-${globalThis.crypto.randomUUID()}`;
    const v1 = new LogDb(name, 1);
    await fillVersion1(v1, 40);
    v1.close();
    const v2 = new LogDb(name, 2);
    const before = { episodes: await v2.episodes.toArray(), events: await v2.events.toArray(), sops: await v2.sops.toArray(), directory: await v2.directory.toArray() };
    expect(before.episodes[0]).toHaveProperty('urgency', 'same-day');
    v2.close();

    const v3 = new LogDb(name, 3);
    await v3.open();
    expect(v3.verno).toBe(3);
    expect(await v3.episodes.toArray()).toEqual(before.episodes);
    expect(await v3.events.toArray()).toEqual(before.events);
    expect(await v3.sops.toArray()).toEqual(before.sops);
    expect(await v3.directory.toArray()).toEqual(before.directory);
    const figures = await loadDashboard({}, v3);
    expect(figures.total).toBe(40);
    expect(figures).toEqual(computeDashboard(before.episodes));
    v3.close();
  });
});

/** What version 3 wrote, in bulk: enough events to cross the upgrade's read chunks, one episode left open. */
async function fillVersion3(db: LogDb, count: number) {
  const sopHash = await hashOf(sampleSop);
  await db.sops.add({ hash: sopHash, id: 'fast-af', version: '1.0.0', status: 'template', title: sampleSop.title, source: 'built-in', document: sampleSop, storedAt: T0 });
  const chains = await Promise.all(Array.from({ length: count }, async (_, n) => {
    const episodeId = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const at = T0 + n * MINUTE;
    const events = await chainEvents({ seq: 0, hash: GENESIS_HASH }, [
      { episodeId, id: `e${n}-1`, type: 'episode-started', stepId: '', at, mono: 0, data: { sopId: 'fast-af', sopVersion: '1.0.0', sopHash, site: 'Riverside CDC', modality: 'echo' } },
      { episodeId, id: `e${n}-2`, type: 'contact-attempt', stepId: 'callRegistrar', at: at + 1000, mono: 1000, data: { role: 'cardiology-registrar', roleType: 'clinician', result: 'accepted' } },
      { episodeId, id: `e${n}-3`, type: 'outcome-reached', stepId: 'sameDayReview', at: at + 2000, mono: 2000, data: { urgency: 'same-day' } },
      ...(n === 7 ? [] : [{ episodeId, id: `e${n}-4`, type: 'episode-completed', stepId: 'sameDayReview', at: at + 3000, mono: 3000, data: {} }]),
    ]);
    return events;
  }));
  await db.episodes.bulkAdd(chains.map((events) => episodeFromEvents(events, 'local')!));
  await db.events.bulkAdd(chains.flat());
  return chains;
}

describe('upgrading the log database from version 3 to version 4', () => {
  it('keeps every row and packs the chain of every ended episode, exactly as its rows say', async () => {
    const name = `migration-${globalThis.crypto.randomUUID()}`;
    const v3 = new LogDb(name, 3);
    const chains = await fillVersion3(v3, 1_400);
    await v3.directory.put({ roleId: 'cardiology-registrar', name: 'Cardiology on call', phone: '', extension: '', hours: '24/7', fallbackRoleId: '', updatedAt: T0 });
    const before = { episodes: await v3.episodes.toArray(), events: await v3.events.toArray(), sops: await v3.sops.toArray(), directory: await v3.directory.toArray() };
    expect(before.events.length).toBeGreaterThan(5_000);
    v3.close();

    const v4 = new LogDb(name, 4);
    await v4.open();
    expect(v4.verno).toBe(4);
    expect(await v4.episodes.toArray()).toEqual(before.episodes);
    expect(await v4.events.toArray()).toEqual(before.events);
    expect(await v4.sops.toArray()).toEqual(before.sops);
    expect(await v4.directory.toArray()).toEqual(before.directory);
    const packs = await v4.packs.toArray();
    expect(packs).toHaveLength(1_399);
    const openId = chains[7]![0]!.episodeId;
    expect(packs.some((pack) => pack.episodeId === openId)).toBe(false);
    const byEpisode = new Map(packs.map((pack) => [pack.episodeId, pack]));
    for (const chain of chains) {
      const pack = byEpisode.get(chain[0]!.episodeId);
      if (pack) expect(unpack(pack)).toEqual(chain);
    }
    expect(await verifyEpisodes({}, v4)).toEqual({ checked: 1_400, broken: [] });
    v4.close();
  });
});

describe('upgrading the log database from version 4 to version 5', () => {
  it('keeps every row and seals the ended episodes into blocks that say exactly what their summaries and packs say', async () => {
    const name = `migration-${globalThis.crypto.randomUUID()}`;
    const v4 = new LogDb(name, 4);
    const sopHash = await hashOf(sampleSop);
    await v4.sops.add({ hash: sopHash, id: 'fast-af', version: '1.0.0', status: 'template', title: sampleSop.title, source: 'built-in', document: sampleSop, storedAt: T0 });
    // 600 episodes a minute apart with time-ordered ids, as version 4 wrote them; the 300th still open.
    const chains = await Promise.all(Array.from({ length: 600 }, async (_, n) => {
      const at = T0 + n * MINUTE;
      const episodeId = newEpisodeId(at);
      return chainEvents({ seq: 0, hash: GENESIS_HASH }, [
        { episodeId, id: `e${n}-1`, type: 'episode-started', stepId: '', at, mono: 0, data: { sopId: 'fast-af', sopVersion: '1.0.0', sopHash, site: 'Riverside CDC', modality: 'echo' } },
        { episodeId, id: `e${n}-2`, type: 'outcome-reached', stepId: 'sameDayReview', at: at + 2000, mono: 2000, data: { urgency: 'same-day' } },
        ...(n === 299 ? [] : [{ episodeId, id: `e${n}-3`, type: 'episode-completed', stepId: 'sameDayReview', at: at + 3000, mono: 3000, data: {} }]),
      ]);
    }));
    await v4.episodes.bulkAdd(chains.map((events) => episodeFromEvents(events, 'local')!));
    await v4.events.bulkAdd(chains.flat());
    await v4.packs.bulkAdd(chains.flatMap((events) => packOf(events[0]!.episodeId, events) ?? []).filter((pack) => pack.lastSeq === 3));
    const before = { episodes: await v4.episodes.toArray(), events: await v4.events.toArray(), packs: await v4.packs.toArray(), sops: await v4.sops.toArray() };
    v4.close();

    const v5 = new LogDb(name, 5);
    await v5.open();
    expect(v5.verno).toBe(5);
    expect(await v5.episodes.toArray()).toEqual(before.episodes);
    expect(await v5.events.toArray()).toEqual(before.events);
    expect(await v5.packs.toArray()).toEqual(before.packs);
    expect(await v5.sops.toArray()).toEqual(before.sops);
    const blocks = await v5.packBlocks.toArray();
    const members = blocks.flatMap((block) => blockMembers(block)!);
    // The 299 before the open one, then a block's worth after it; the newest 50 wait for more.
    expect(blocks.map((block) => block.episodeCount)).toEqual([250, 49, 250]);
    const packs = new Map(before.packs.map((pack) => [pack.episodeId, pack]));
    const summaries = new Map(before.episodes.map((row) => [row.id, row]));
    for (const { episode, events } of members) {
      expect(episode).toEqual(summaries.get(episode.id));
      expect(events).toEqual(JSON.parse(packs.get(episode.id)!.events));
    }
    expect(members.map(({ episode }) => episode.id)).not.toContain(chains[299]![0]!.episodeId);
    expect(await verifyEpisodes({}, v5)).toEqual({ checked: 600, broken: [] });
    v5.close();
  });
});

describe('upgrading the log database from version 5 to version 6', () => {
  it('keeps every row and adds the empty library log and approver key tables', async () => {
    const name = `migration-${globalThis.crypto.randomUUID()}`;
    const v5 = new LogDb(name, 5);
    const sopHash = await hashOf(sampleSop);
    await v5.sops.add({ hash: sopHash, id: 'fast-af', version: '1.0.0', status: 'template', title: sampleSop.title, source: 'built-in', document: sampleSop, storedAt: T0 });
    await v5.settings.put({ key: 'deviceId', value: 'dev-0123456789abcdef0123456789abcdef' });
    const before = { sops: await v5.sops.toArray(), settings: await v5.settings.toArray() };
    v5.close();
    const v6 = new LogDb(name, 6);
    await v6.open();
    expect(v6.verno).toBe(6);
    expect(await v6.sops.toArray()).toEqual(before.sops);
    expect(await v6.settings.toArray()).toEqual(before.settings);
    expect(await v6.libraryLog.count()).toBe(0);
    expect(await v6.approverKeys.count()).toBe(0);
    v6.close();
  });
});

describe('upgrading the log database from version 6 to version 7', () => {
  it('keeps every row and adds the empty table of dashboard totals still due', async () => {
    expect(LATEST_VERSION).toBe(7);
    const name = `migration-${globalThis.crypto.randomUUID()}`;
    const v6 = new LogDb(name, 6);
    const chains = await fillVersion3(v6, 3);
    await v6.monthlyStats.bulkPut(statsFromEpisodes(await v6.episodes.toArray()));
    const before = { episodes: await v6.episodes.toArray(), events: await v6.events.toArray(), stats: await v6.monthlyStats.toArray() };
    expect(before.events).toHaveLength(chains.flat().length);
    v6.close();
    const v7 = new LogDb(name);
    await v7.open();
    expect(v7.verno).toBe(7);
    expect(await v7.episodes.toArray()).toEqual(before.episodes);
    expect(await v7.events.toArray()).toEqual(before.events);
    expect(await v7.monthlyStats.toArray()).toEqual(before.stats);
    expect(await v7.statsDue.count()).toBe(0);
    v7.close();
  });
});
