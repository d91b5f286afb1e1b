// Log imports that cannot rewrite the record: a file may not add to this
// tablet's own episodes or to an ended one; its seal must match the chains it
// carries (a dropped episode, a cut tail with a fixed summary, an edited seal);
// impossible event times refuse that episode; an imported open episode is
// read-only here (never resumed, never appended to).
import { describe, expect, it } from 'vitest';
import { exportLogJson, sealOf, type LogExport } from '../../../src/db/export';
import { appendEvents, chainEvents, episodeFromEvents, importLogJson, openEpisodes } from '../../../src/db/log';
import type { EventRow } from '../../../src/db/database';
import { completeSameDay, freshDb, MINUTE, reachRegistrar, recordEpisode, T0 } from '../logFixtures';

/** Re-chains every episode from its events as given and rewrites summaries and seal: a forger's best effort. */
async function reforge(file: LogExport): Promise<string> {
  for (const item of file.episodes) {
    const events = item.events as EventRow[];
    const rows = await chainEvents({ seq: 0, hash: '0'.repeat(64) }, events.map(({ seq: _s, prevHash: _p, hash: _h, ...rest }) => rest));
    item.events = rows as typeof item.events;
    const summary = episodeFromEvents(rows, 'local')!;
    item.episode = { ...item.episode, lastSeq: summary.lastSeq, headHash: summary.headHash, status: summary.status } as typeof item.episode;
  }
  file.seal = await sealOf(file.episodes.map((item) => item.episode as never));
  return JSON.stringify(file);
}

const extraEvent = (episodeId: string, at: number, seq = 0): EventRow => ({
  episodeId, seq, id: `forged-${at}`, type: 'note', stepId: '', data: { text: 'added later' }, at, mono: 0, prevHash: '', hash: '',
});

describe('a log import cannot rewrite the record', () => {
  it('refuses a file that adds to an open episode recorded on this tablet (a hijack)', async () => {
    const tablet = freshDb();
    const episode = await recordEpisode(tablet, { events: [reachRegistrar(T0 + MINUTE)] });
    const file = JSON.parse(await exportLogJson({}, 'test', tablet)) as LogExport;
    file.episodes[0]!.events.push(extraEvent(episode.id, T0 + 2 * MINUTE) as never);
    const report = await importLogJson(await reforge(file), tablet);
    expect(report).toMatchObject({ imported: 0, extended: 0 });
    expect(report.refused).toEqual([{ episodeId: episode.id, reason: expect.stringContaining('recorded on this tablet') }]);
    expect(await tablet.events.where('[episodeId+seq]').between([episode.id, 0], [episode.id, Infinity]).count()).toBe(2);
  });

  it('refuses a file that continues an ended episode and says so', async () => {
    const tablet = freshDb();
    const episode = await recordEpisode(tablet, { events: [reachRegistrar(T0 + MINUTE), ...completeSameDay(T0 + 3 * MINUTE)] });
    const lead = freshDb();
    expect(await importLogJson(await exportLogJson({}, 'test', tablet), lead)).toMatchObject({ imported: 1 });
    const file = JSON.parse(await exportLogJson({}, 'test', tablet)) as LogExport;
    file.episodes[0]!.events.push(extraEvent(episode.id, T0 + 5 * MINUTE) as never);
    const report = await importLogJson(await reforge(file), lead);
    expect(report.refused).toEqual([{ episodeId: episode.id, reason: expect.stringContaining('already ended here') }]);
    expect((await lead.episodes.get(episode.id))?.lastSeq).toBe(4);
  });

  it('refuses the whole file when an episode was dropped, a tail cut with its summary fixed, or the seal edited', async () => {
    const tablet = freshDb();
    await recordEpisode(tablet, { startedAt: T0, events: [reachRegistrar(T0 + MINUTE)] });
    await recordEpisode(tablet, { startedAt: T0 + 60 * MINUTE, events: [reachRegistrar(T0 + 61 * MINUTE)] });
    const text = await exportLogJson({}, 'test', tablet);
    const dropped = JSON.parse(text) as LogExport;
    dropped.episodes.pop();
    const cut = JSON.parse(text) as LogExport;
    const last = cut.episodes[1]!;
    last.events.pop();
    last.episode = { ...last.episode, lastSeq: last.events.at(-1)!.seq, headHash: last.events.at(-1)!.hash } as typeof last.episode;
    const edited = JSON.parse(text) as LogExport;
    edited.seal = { ...edited.seal, headsDigest: 'f'.repeat(64) };
    for (const file of [dropped, cut, edited]) {
      const lead = freshDb();
      const report = await importLogJson(JSON.stringify(file), lead);
      expect(report.fileError).toContain('seal does not match');
      expect(await lead.episodes.count()).toBe(0);
    }
    expect(await importLogJson(text, freshDb())).toMatchObject({ imported: 2, fileError: null });
  });

  it('refuses an episode with an impossible event time, with its reason, and imports the rest', async () => {
    const tablet = freshDb();
    const good = await recordEpisode(tablet, { startedAt: T0, events: [reachRegistrar(T0 + MINUTE)] });
    const bad = await recordEpisode(tablet, { startedAt: T0 + 60 * MINUTE, events: [reachRegistrar(T0 + 61 * MINUTE)] });
    const file = JSON.parse(await exportLogJson({}, 'test', tablet)) as LogExport;
    const item = file.episodes.find((e) => e.episode.id === bad.id)!;
    item.events[1]!.at = 8.64e15 + 1;
    const lead = freshDb();
    const report = await importLogJson(await reforge(file), lead);
    expect(report.imported).toBe(1);
    expect(report.refused).toEqual([{ episodeId: bad.id, reason: expect.stringContaining('impossible time') }]);
    expect(await lead.episodes.get(good.id)).toBeDefined();
    expect(await exportLogJson({}, 'test', lead)).toContain(good.id);
  });

  it('keeps an imported open episode read-only: never resumed here, never appended to', async () => {
    const tablet = freshDb();
    const episode = await recordEpisode(tablet, { events: [reachRegistrar(T0 + MINUTE)] });
    const lead = freshDb();
    await importLogJson(await exportLogJson({}, 'test', tablet), lead);
    expect(await openEpisodes(lead)).toEqual([]);
    expect((await openEpisodes(tablet)).map((e) => e.id)).toEqual([episode.id]);
    await expect(appendEvents(episode.id, [{ type: 'note', at: T0 + 2 * MINUTE }], {}, lead)).rejects.toMatchObject({ userMessage: expect.stringContaining('read-only here') });
  });
});
