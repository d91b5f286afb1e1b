// What a site log on the server holds, read as a server admin, to prove a push
// lost nothing and doubled nothing: exactly the expected documents, each with
// the expected event (same hash), and every chain verifying centrally.
import { expect } from 'vitest';
import { couchClient } from '../../../scripts/network/couchHttp';
import { logDb } from '../../../scripts/network/names';
import { verifyServer } from '../../../scripts/network/logVerify';
import type { EpisodeDocs } from '../../../scripts/network/simulatedEpisodes';

export async function serverDocs(adminUrl: string, siteId: string): Promise<Map<string, any>> {
  const couch = couchClient(adminUrl);
  const all = await couch.request('GET', `/${logDb(siteId)}/_all_docs?include_docs=true&conflicts=true`);
  expect(all.status).toBe(200);
  return new Map(all.body.rows.filter((row: { id: string }) => !row.id.startsWith('_design/')).map((row: { id: string; doc: unknown }) => [row.id, row.doc]));
}

/** 0 lost, 0 duplicated, every chain verifies. */
export async function expectExactly(adminUrl: string, siteId: string, episodes: EpisodeDocs[]): Promise<void> {
  const stored = await serverDocs(adminUrl, siteId);
  const expected = episodes.flatMap((episode) => episode.docs);
  const missing = expected.filter((doc) => !stored.has(doc._id)).map((doc) => doc._id);
  const extra = [...stored.keys()].filter((id) => !expected.some((doc) => doc._id === id));
  expect({ lost: missing.length, extra: extra.length }).toEqual({ lost: 0, extra: 0 });
  expect(stored.size).toBe(expected.length);
  const byEventId = new Map<string, number>();
  for (const episode of episodes) {
    for (const event of episode.events) {
      const doc = stored.get(`ev:${episode.episodeId}:${String(event.seq).padStart(8, '0')}`);
      expect(doc.event.hash).toBe(event.hash);
      expect(doc._conflicts).toBeUndefined();
      byEventId.set(doc.event.id, (byEventId.get(doc.event.id) ?? 0) + 1);
    }
  }
  expect([...byEventId.values()].filter((count) => count > 1)).toEqual([]);
  const report = await verifyServer(adminUrl, { sites: [siteId] });
  expect(report.breaks).toEqual([]);
  expect(report.sites[0]).toMatchObject({ episodes: episodes.length, events: episodes.reduce((n, e) => n + e.events.length, 0) });
}
