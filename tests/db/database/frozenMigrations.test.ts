// A shipped upgrade runs its own frozen code: with today's log/, packs/ and
// read/ rooms all changed (mocked here so every function they export throws
// while the upgrades run), upgrading a version 1 database to the latest still
// writes exactly the outcomes, totals, packs and blocks the shipped upgrades wrote.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as liveLog from '../../../src/db/log';
import * as livePacks from '../../../src/db/packs';
import * as liveRead from '../../../src/db/read';
import { GENESIS_HASH } from '../../../src/db/database';
import { hashOf, sampleSop, T0, MINUTE } from '../logFixtures';

const changed = { on: false };
let LogDb: typeof import('../../../src/db/database').LogDb;

/** A room as if today's code had changed: while `changed.on`, every function it exports throws. */
function changedRoom<T extends object>(room: T): T {
  const isClass = (value: unknown) => typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value));
  return Object.fromEntries(Object.entries(room).map(([name, value]) => [
    name,
    typeof value === 'function' && !isClass(value)
      ? (...args: unknown[]) => {
        if (changed.on) throw new Error(`a shipped upgrade called today's ${name}`);
        return (value as (...args: unknown[]) => unknown)(...args);
      }
      : value,
  ])) as T;
}

beforeAll(async () => {
  // The factories reuse the copies tests/setup.ts loaded, so no import cycle runs them.
  vi.doMock('../../../src/db/log', () => changedRoom(liveLog));
  vi.doMock('../../../src/db/packs', () => changedRoom(livePacks));
  vi.doMock('../../../src/db/read', () => changedRoom(liveRead));
  // A fresh copy of the database room, whose upgrades would import the changed rooms if they still called live code.
  vi.resetModules();
  ({ LogDb } = await import('../../../src/db/database'));
});

describe('a shipped upgrade, after the live code it once called has changed', () => {
  it('still folds outcomes, totals, packs and blocks as it shipped (version 1 to 5 in one open)', async () => {
    const { chainEvents, episodeFromEvents, newEpisodeId } = liveLog;
    const { blockMembers, packOf, unpack } = livePacks;
    const name = `frozen-${globalThis.crypto.randomUUID()}`;
    const v1 = new LogDb(name, 1);
    const sopHash = await hashOf(sampleSop);
    const chains = await Promise.all(Array.from({ length: 260 }, async (_, n) => {
      const at = T0 + n * MINUTE;
      const episodeId = newEpisodeId(at);
      return chainEvents({ seq: 0, hash: GENESIS_HASH }, [
        { episodeId, id: `e${n}-1`, type: 'episode-started', stepId: '', at, mono: 0, data: { sopId: 'fast-af', sopVersion: '1.0.0', sopHash, site: 'Riverside CDC', modality: 'echo' } },
        { episodeId, id: `e${n}-2`, type: 'contact-attempt', stepId: 'callRegistrar', at: at + 1000, mono: 1000, data: { role: 'cardiology-registrar', roleType: 'clinician', result: 'accepted' } },
        { episodeId, id: `e${n}-3`, type: 'outcome-reached', stepId: 'sameDayReview', at: at + 2000, mono: 2000, data: { urgency: 'same-day' } },
        { episodeId, id: `e${n}-4`, type: 'episode-completed', stepId: 'sameDayReview', at: at + 3000, mono: 3000, data: {} },
      ]);
    }));
    // Version 1 rows: identity and status only.
    const full = chains.map((events) => episodeFromEvents(events, 'local')!);
    await v1.table('episodes').bulkAdd(full.map(({ urgency, outcomeStepId, firstClinicianReachedAt, contacts, ...v1Row }) => v1Row));
    await v1.events.bulkAdd(chains.flat());
    v1.close();

    changed.on = true;
    const latest = new LogDb(name);
    await latest.open();
    changed.on = false;

    expect(await latest.episodes.toArray()).toEqual(full);
    expect(await liveRead.loadDashboard({}, latest)).toEqual(liveRead.computeDashboard(full));
    const stored = await latest.packs.toArray();
    expect(stored).toHaveLength(260);
    for (const [index, pack] of stored.entries()) {
      const live = packOf(chains[index]![0]!.episodeId, chains[index]!)!;
      // Bytes compared as numbers: the stored copy comes back as another realm's Uint8Array.
      expect({ ...pack, hashes: [...pack.hashes] }).toEqual({ ...live, hashes: [...live.hashes] });
      expect(unpack(pack)).toEqual(chains[index]);
    }
    const blocks = await latest.packBlocks.toArray();
    expect(blocks.map((block) => block.episodeCount)).toEqual([250]);
    expect(blockMembers(blocks[0]!)!.map(({ episode }) => episode)).toEqual(full.slice(0, 250));
    latest.close();
  });
});
