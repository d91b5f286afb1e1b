// The governance replica: every site's log pulled from the stand-in server,
// each episode's chain verified through the log import before it is held, with
// its site and device; a forged record is refused with the reason.
import { describe, expect, it } from 'vitest';
import { LogDb } from '../../../src/db/database';
import { fillOutbox, governanceDevices, pullGovernance, type PouchDb } from '../../../src/db/sync';
import { hashSop } from '../../../src/engine';
import { builtInSops } from '../../../src/sops';
import { getDeviceId } from '../../../src/db/config';
import { recordEpisode, reachRegistrar, freshDb, T0, MINUTE } from '../logFixtures';

const deviceNames = new Map<string, string>();
import { memoryNetwork } from './memoryPouch';

const fastAf = builtInSops.find((s) => s.id === 'fast-af')!;

async function tabletPushes(server: PouchDb, site: string, deviceId: string, episodes: number) {
  const db = freshDb();
  for (let i = 0; i < episodes; i += 1) {
    await recordEpisode(db, { sop: fastAf as never, startedAt: T0 + i * MINUTE, site, events: [reachRegistrar(T0 + i * MINUTE + 1000)] });
  }
  const id = await getDeviceId(db);
  deviceNames.set(id, deviceId);
  await fillOutbox(server, { siteId: site, deviceId: id, account: `device-${deviceId}` }, db);
  return db;
}

describe('the governance replica', () => {
  it('holds every site\'s verified episodes with their device, and refuses a tampered chain', async () => {
    const network = memoryNetwork();
    await network.server('cdc-network').bulkDocs([
      { _id: 'site:leeds-cdc', type: 'site', siteId: 'leeds-cdc', name: 'Leeds CDC' },
      { _id: 'site:york-cdc', type: 'site', siteId: 'york-cdc', name: 'York CDC' },
    ] as never);
    const leeds = network.server('cdc-log-leeds-cdc');
    await tabletPushes(leeds, 'leeds-cdc', 'tablet-a', 2);
    await tabletPushes(leeds, 'leeds-cdc', 'tablet-b', 1);
    const york = network.server('cdc-log-york-cdc');
    const yorkDb = await tabletPushes(york, 'york-cdc', 'tablet-c', 2);
    // A record edited on the server after it was written: its hash no longer matches.
    const [victim] = await yorkDb.episodes.toArray();
    const forged = (await york.get(`ev:${victim!.id}:00000002`)) as unknown as { event: { data: Record<string, unknown> } };
    forged.event.data = { ...forged.event.data, result: 'declined' };
    await york.put(forged as never);

    const dbs = new Map<string, LogDb>();
    const dbFor = (siteId: string) => {
      const db = dbs.get(siteId) ?? new LogDb(`gov-${siteId}-${globalThis.crypto.randomUUID()}`);
      dbs.set(siteId, db);
      return db;
    };
    const pull = await pullGovernance({ pouch: network.factory(), dbFor });
    expect(pull.sites.map((s) => [s.siteId, s.episodes])).toEqual([['leeds-cdc', 3], ['york-cdc', 1]]);
    expect(pull.sites[1]!.refused).toEqual([{ episodeId: victim!.id, reason: expect.stringMatching(/hash chain is broken at event 2/) }]);
    const devices = await governanceDevices(dbFor('leeds-cdc'));
    expect(Object.values(devices).map((d) => deviceNames.get(d.deviceId)).sort()).toEqual(['tablet-a', 'tablet-a', 'tablet-b']);
    const rows = await dbFor('leeds-cdc').episodes.toArray();
    expect(rows.every((row) => row.origin === 'imported' && row.sopHash === rows[0]!.sopHash)).toBe(true);
    expect(rows[0]!.sopHash).toBe(await hashSop(fastAf));

    // A second pull adds only what is new, and holds nothing twice.
    await tabletPushes(leeds, 'leeds-cdc', 'tablet-d', 1);
    const again = await pullGovernance({ pouch: network.factory(), dbFor });
    expect(again.sites[0]!.episodes).toBe(4);
  });

  it('refuses records that claim another site than the log they are in', async () => {
    const network = memoryNetwork();
    await network.server('cdc-network').put({ _id: 'site:leeds-cdc', type: 'site', siteId: 'leeds-cdc', name: 'Leeds CDC' } as never);
    await tabletPushes(network.server('cdc-log-leeds-cdc'), 'york-cdc', 'tablet-x', 1);
    const db = new LogDb(`gov-${globalThis.crypto.randomUUID()}`);
    const pull = await pullGovernance({ pouch: network.factory(), dbFor: () => db });
    expect(pull.sites[0]!.episodes).toBe(0);
    expect(pull.sites[0]!.refused.length).toBeGreaterThan(0);
    expect(pull.sites[0]!.refused.every((r) => /claims another site/.test(r.reason))).toBe(true);
  });

  it('refuses an episode whose identity record names another device than its chained first event', async () => {
    const network = memoryNetwork();
    await network.server('cdc-network').put({ _id: 'site:leeds-cdc', type: 'site', siteId: 'leeds-cdc', name: 'Leeds CDC' } as never);
    const tablet = freshDb();
    await recordEpisode(tablet, { sop: fastAf as never, events: [reachRegistrar(T0 + 1000)] });
    await fillOutbox(network.server('cdc-log-leeds-cdc'), { siteId: 'leeds-cdc', deviceId: 'dev-' + '0'.repeat(32), account: 'device-x' }, tablet);
    const db = new LogDb(`gov-${globalThis.crypto.randomUUID()}`);
    const pull = await pullGovernance({ pouch: network.factory(), dbFor: () => db });
    expect(pull.sites[0]!.episodes).toBe(0);
    expect(pull.sites[0]!.refused.map((r) => r.reason)).toEqual(['Its chained first event names a different device than its identity record.']);
  });
});
