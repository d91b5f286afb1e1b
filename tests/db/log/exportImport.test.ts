import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportEpisodesCsv, exportEventsCsv, exportLogJson, exportFhirBundle, neutraliseCell, type LogExport } from '../../../src/db/export';
import { importLogJson, loadEpisode, verifyEpisode } from '../../../src/db/log';
import { freshDb, recordEpisode, reachRegistrar, completeSameDay, T0, MINUTE } from '../logFixtures';

const DAY = 24 * 60 * MINUTE;

async function threeDaysOfLog() {
  const db = freshDb();
  const episodes = [];
  for (let day = 0; day < 3; day += 1) {
    const at = T0 + day * DAY;
    episodes.push(await recordEpisode(db, { startedAt: at, events: [reachRegistrar(at + MINUTE, 'noAnswer'), reachRegistrar(at + 3 * MINUTE), ...completeSameDay(at + 5 * MINUTE)] }));
  }
  return { db, episodes };
}

const csvRows = (text: string) => Papa.parse<string[]>(text, { skipEmptyLines: false }).data;

describe('spreadsheet (CSV) export', () => {
  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(['=HYPERLINK("x")', '+44', '-1+1', '@SUM(A1)', '\tx', 'Riverside CDC', 42, null].map(neutraliseCell)).toEqual([
      `'=HYPERLINK("x")`, "'+44", "'-1+1", "'@SUM(A1)", "'\tx", 'Riverside CDC', 42, null,
    ]);
  });

  it('writes one row per episode in the date range, with a formula-safe site, and ends with the chain head', async () => {
    const { db, episodes } = await threeDaysOfLog();
    await recordEpisode(db, { startedAt: T0 + DAY + MINUTE, site: '=cmd|calc' });
    const rows = csvRows(await exportEpisodesCsv({ from: T0 + DAY, to: T0 + 2 * DAY }, db));
    const header = rows[0]!;
    expect(header.slice(0, 3)).toEqual(['episode_id', 'sop_id', 'sop_version']);
    const data = rows.slice(1, 3);
    expect(data.map((row) => row[0])).toEqual([episodes[1]!.id, expect.any(String)]);
    expect(data[1]![header.indexOf('site')]).toBe("'=cmd|calc");
    expect(data[0]![header.indexOf('seconds_to_first_clinician')]).toBe('180');
    const tail = rows.slice(-4);
    expect(tail[0]).toEqual(['Latest chain head: sequence number', '5']);
    expect(tail[3]![0]).toBe('Digest of all chain heads (SHA-256)');
    expect(tail[3]![1]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes one row per event with its chain links', async () => {
    const { db, episodes } = await threeDaysOfLog();
    const rows = csvRows(await exportEventsCsv({ from: T0, to: T0 + DAY }, db));
    const header = rows[0]!;
    const events = rows.slice(1, 6);
    expect(events.map((row) => row[header.indexOf('type')])).toEqual(['episode-started', 'contact-attempt', 'contact-attempt', 'outcome-reached', 'episode-completed']);
    expect(events[1]![header.indexOf('prev_sha256')]).toBe(events[0]![header.indexOf('sha256')]);
    expect(rows.find((row) => row[0] === 'Latest chain head: SHA-256')?.[1]).toBe(episodes[0]!.headHash);
  });
});

describe('JSON export and import between tablets', () => {
  it('carries every event with its chain and ends with the seal', async () => {
    const { db, episodes } = await threeDaysOfLog();
    const text = await exportLogJson({}, 'test', db);
    const file = JSON.parse(text) as LogExport;
    expect(Object.keys(file).at(-1)).toBe('seal');
    expect(file.episodes).toHaveLength(3);
    expect(file.seal).toMatchObject({ episodeCount: 3, eventCount: 15, latestHead: { episodeId: episodes[2]!.id, seq: 5, hash: episodes[2]!.headHash } });
    expect(file.sops).toHaveLength(1);
  });

  it('imports another tablet’s episodes, which then verify and show their SOP as it was', async () => {
    const { db: tablet, episodes } = await threeDaysOfLog();
    const lead = freshDb();
    const report = await importLogJson(await exportLogJson({}, 'test', tablet), lead);
    expect(report).toEqual({ imported: 3, extended: 0, duplicates: 0, refused: [], fileError: null });
    const copy = await loadEpisode(episodes[0]!.id, lead);
    expect(copy.episode).toMatchObject({ origin: 'imported', headHash: episodes[0]!.headHash, firstClinicianReachedAt: T0 + 3 * MINUTE });
    expect(copy.sop?.id).toBe('fast-af');
    expect((await verifyEpisode(episodes[0]!.id, lead)).ok).toBe(true);
  });

  it('carries the collapse pathway an episode could enter, as it was', async () => {
    const tablet = freshDb();
    const episode = await recordEpisode(tablet, { withCollapse: true, events: [{ type: 'collapse', stepId: 'startCpr', at: T0 + MINUTE, data: { sopId: 'collapse' } }] });
    expect((await loadEpisode(episode.id, tablet)).linkedSops.map((sop) => sop.id)).toEqual(['collapse']);
    const file = JSON.parse(await exportLogJson({}, 'test', tablet)) as LogExport;
    expect(file.sops.map((sop) => sop.id).sort()).toEqual(['collapse', 'fast-af']);
    const lead = freshDb();
    expect((await importLogJson(JSON.stringify(file), lead)).imported).toBe(1);
    expect((await loadEpisode(episode.id, lead)).linkedSops[0]?.document).toMatchObject({ title: 'Collapse during the scan' });
  });

  it('recognises duplicates on a second import and changes nothing', async () => {
    const { db: tablet } = await threeDaysOfLog();
    const lead = freshDb();
    const text = await exportLogJson({}, 'test', tablet);
    await importLogJson(text, lead);
    const before = await lead.events.toArray();
    expect(await importLogJson(text, lead)).toMatchObject({ imported: 0, duplicates: 3, refused: [] });
    expect(await lead.events.toArray()).toEqual(before);
  });

  it('refuses an episode whose chain was edited, names where it broke, and imports the rest', async () => {
    const { db: tablet, episodes } = await threeDaysOfLog();
    const file = JSON.parse(await exportLogJson({}, 'test', tablet)) as LogExport;
    file.episodes[1]!.events[2]!.data.result = 'declined';
    const lead = freshDb();
    const report = await importLogJson(JSON.stringify(file), lead);
    expect(report.imported).toBe(2);
    expect(report.refused).toEqual([{ episodeId: episodes[1]!.id, reason: expect.stringMatching(/broken at event 3/) }]);
    expect(await lead.episodes.get(episodes[1]!.id)).toBeUndefined();
  });

  it('refuses episodes whose SOP document was altered in the file', async () => {
    const { db: tablet } = await threeDaysOfLog();
    const file = JSON.parse(await exportLogJson({}, 'test', tablet)) as LogExport;
    (file.sops[0]!.document as { title: string }).title = 'Edited after sign-off';
    const report = await importLogJson(JSON.stringify(file), freshDb());
    expect(report.imported).toBe(0);
    expect(report.refused.map((item) => item.reason)).toEqual(Array(3).fill('The SOP document it ran does not match its recorded content hash.'));
  });

  it('never overwrites a different stored record that has the same episode id', async () => {
    const { db: tablet, episodes } = await threeDaysOfLog();
    const file = JSON.parse(await exportLogJson({}, 'test', tablet)) as LogExport;
    const other = freshDb();
    const stranger = await recordEpisode(other, { startedAt: T0 });
    // The other log holds an unrelated chain under the first episode's id.
    const events = (await loadEpisode(stranger.id, other)).events.map((event) => ({ ...event, episodeId: episodes[0]!.id }));
    await other.episodes.add({ ...stranger, id: episodes[0]!.id });
    await other.events.bulkAdd(events);
    const report = await importLogJson(JSON.stringify(file), other);
    expect(report.refused.map((item) => item.episodeId)).toEqual([episodes[0]!.id]);
    expect((await loadEpisode(episodes[0]!.id, other)).events).toEqual(events);
  });

  it('adds the later events of an episode that was still open at the last import', async () => {
    const tablet = freshDb();
    const episode = await recordEpisode(tablet, { events: [reachRegistrar(T0 + MINUTE)] });
    const lead = freshDb();
    await importLogJson(await exportLogJson({}, 'test', tablet), lead);
    const { appendEvents } = await import('../../../src/db/log');
    await appendEvents(episode.id, completeSameDay(T0 + 4 * MINUTE), {}, tablet);
    expect(await importLogJson(await exportLogJson({}, 'test', tablet), lead)).toMatchObject({ imported: 0, extended: 1, duplicates: 0 });
    expect((await loadEpisode(episode.id, lead)).episode).toMatchObject({ status: 'completed', lastSeq: 4 });
    expect((await verifyEpisode(episode.id, lead)).ok).toBe(true);
  });

  it('refuses a file that is not a log export, with a clear message', async () => {
    const lead = freshDb();
    expect((await importLogJson('not json', lead)).fileError).toMatch(/not valid JSON/);
    expect((await importLogJson('{"resourceType":"Bundle"}', lead)).fileError).toMatch(/not a log export/);
    expect((await importLogJson('{"format":"cdc-log-export/1","sops":[],"episodes":[{"episode":{}}]}', lead)).fileError).toMatch(/damaged/);
    expect(await lead.episodes.count()).toBe(0);
  });
});

describe('FHIR R4 export', () => {
  it('maps each episode to a Task, contact attempts to Communications and every event to an AuditEvent, ending with the seal', async () => {
    const { db, episodes } = await threeDaysOfLog();
    const bundle = JSON.parse(await exportFhirBundle({ from: T0, to: T0 + DAY }, db)) as { resourceType: string; type: string; entry: Array<{ fullUrl: string; resource: Record<string, unknown> & { resourceType: string } }> };
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    const types = bundle.entry.map((entry) => entry.resource.resourceType);
    expect(types.filter((type) => type === 'Task')).toHaveLength(1);
    expect(types.filter((type) => type === 'Communication')).toHaveLength(2);
    expect(types.filter((type) => type === 'AuditEvent')).toHaveLength(6);
    expect(types).not.toContain('Patient');
    expect(types).not.toContain('Encounter');
    const task = bundle.entry[0]!.resource;
    expect(task).toMatchObject({ status: 'completed', priority: 'asap', identifier: [{ value: episodes[0]!.id }] });
    const unanswered = bundle.entry.find((entry) => entry.resource.resourceType === 'Communication')!.resource;
    expect(unanswered).toMatchObject({ status: 'not-done', statusReason: { text: 'No answer' }, partOf: [{ reference: bundle.entry[0]!.fullUrl }] });
    const seal = bundle.entry.at(-1)!.resource as unknown as { entity: Array<{ detail: Array<{ type: string; valueString: string }> }> };
    expect(seal.entity[0]!.detail).toContainEqual({ type: 'latestHeadHash', valueString: episodes[0]!.headHash });
  });
});
