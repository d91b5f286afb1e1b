import { describe, expect, it } from 'vitest';
import { listEpisodes, type EpisodeFilters } from '../../../src/db/read';
import { type EpisodeRow, type LogDb } from '../../../src/db/database';
import { freshDb, recordEpisode, reachRegistrar, completeSameDay, otherSop, T0, MINUTE } from '../logFixtures';

const DAY = 24 * 60 * MINUTE;

async function everyPage(db: LogDb, filters: EpisodeFilters, pageSize: number): Promise<EpisodeRow[]> {
  const rows: EpisodeRow[] = [];
  let page = await listEpisodes(filters, null, pageSize, db);
  rows.push(...page.rows);
  while (page.next) {
    page = await listEpisodes(filters, page.next, pageSize, db);
    rows.push(...page.rows);
  }
  return rows;
}

/** 24 episodes over 12 days, two a day at the same instant (ties must page correctly). */
async function twelveDaysOfEpisodes(db: LogDb) {
  for (let day = 0; day < 12; day += 1) {
    for (const slot of [0, 1]) {
      const startedAt = T0 + day * DAY;
      await recordEpisode(db, {
        sop: slot === 0 ? undefined : otherSop,
        site: day % 3 === 0 ? 'Hilltop CDC' : 'Riverside CDC',
        modality: slot === 0 ? 'echo' : 'mri',
        startedAt,
        events: day % 2 === 0 ? [reachRegistrar(startedAt + 2 * MINUTE), ...completeSameDay(startedAt + 5 * MINUTE)] : [],
      });
    }
  }
}

describe('the episode list query', () => {
  it('pages through every episode newest first with no repeats or gaps, even when start times tie', async () => {
    const db = freshDb();
    await twelveDaysOfEpisodes(db);
    const rows = await everyPage(db, {}, 5);
    expect(rows).toHaveLength(24);
    expect(new Set(rows.map((row) => row.id)).size).toBe(24);
    const starts = rows.map((row) => row.startedAt);
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
  });

  it('says there is no next page when the last page is full exactly', async () => {
    const db = freshDb();
    await twelveDaysOfEpisodes(db);
    const first = await listEpisodes({}, null, 24, db);
    expect(first.rows).toHaveLength(24);
    expect(first.next).toBeNull();
  });

  it('filters by date range, start inclusive and end exclusive', async () => {
    const db = freshDb();
    await twelveDaysOfEpisodes(db);
    const rows = await everyPage(db, { from: T0 + 2 * DAY, to: T0 + 5 * DAY }, 4);
    expect(rows.map((row) => (row.startedAt - T0) / DAY)).toEqual([4, 4, 3, 3, 2, 2]);
  });

  it.each([
    ['SOP', { sopId: 'severe-as' }, (row: EpisodeRow) => row.sopId === 'severe-as', 12],
    ['modality', { modality: 'mri' }, (row: EpisodeRow) => row.modality === 'mri', 12],
    ['site', { site: 'Hilltop CDC' }, (row: EpisodeRow) => row.site === 'Hilltop CDC', 8],
    ['urgency', { urgency: 'same-day' }, (row: EpisodeRow) => row.urgency === 'same-day', 12],
    ['outcome', { outcomeStepId: 'sameDayReview' }, (row: EpisodeRow) => row.outcomeStepId === 'sameDayReview', 12],
    ['status', { status: 'open' }, (row: EpisodeRow) => row.status === 'open', 12],
  ] as const)('filters by %s', async (_label, filters, keep, expected) => {
    const db = freshDb();
    await twelveDaysOfEpisodes(db);
    const rows = await everyPage(db, filters as EpisodeFilters, 5);
    expect(rows).toHaveLength(expected);
    expect(rows.every(keep)).toBe(true);
  });

  it('combines several filters with a date range', async () => {
    const db = freshDb();
    await twelveDaysOfEpisodes(db);
    const rows = await everyPage(db, { site: 'Hilltop CDC', modality: 'mri', status: 'completed', from: T0 + DAY }, 2);
    // Hilltop days are 0, 3, 6, 9; completed days are even: 6 only after day 1.
    expect(rows.map((row) => [(row.startedAt - T0) / DAY, row.modality, row.site])).toEqual([[6, 'mri', 'Hilltop CDC']]);
  });

  it('pages through many episodes that started at the same instant, across read chunks, with a filter', async () => {
    const db = freshDb();
    // Reads start at 32 rows: 45 ties force later reads to step past rows already seen.
    for (let n = 0; n < 45; n += 1) await recordEpisode(db, { startedAt: T0, modality: n % 3 === 0 ? 'ct' : 'echo' });
    const rows = await everyPage(db, { modality: 'echo' }, 4);
    expect(rows).toHaveLength(30);
    expect(new Set(rows.map((row) => row.id)).size).toBe(30);
    const all = await everyPage(db, { status: 'open' }, 40);
    expect(new Set(all.map((row) => row.id)).size).toBe(45);
  }, 30_000);

  it('returns an empty page, not an error, when nothing matches', async () => {
    const db = freshDb();
    await twelveDaysOfEpisodes(db);
    expect(await listEpisodes({ site: 'Nowhere' }, null, 10, db)).toEqual({ rows: [], next: null });
  });
});
