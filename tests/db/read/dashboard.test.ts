import { describe, expect, it } from 'vitest';
import { appendEvents, endEpisode, importLogJson } from '../../../src/db/log';
import { computeDashboard, loadDashboard, percentile } from '../../../src/db/read';
import { exportLogJson } from '../../../src/db/export';
import { type ContactTally, type EpisodeRow } from '../../../src/db/database';
import { freshDb, recordEpisode, reachRegistrar, completeSameDay, otherSop, T0, MINUTE } from '../logFixtures';

function row(partial: Partial<EpisodeRow>): EpisodeRow {
  return {
    id: globalThis.crypto.randomUUID(), sopId: 'fast-af', sopVersion: '1', sopHash: 'h', site: 's', modality: 'echo', operatorRole: '', localRef: '',
    status: 'completed', startedAt: T0, endedAt: null, urgency: '', outcomeStepId: '', firstClinicianReachedAt: null, contacts: [],
    lastSeq: 1, headHash: 'x', lastEventAt: T0, appVersion: 't', origin: 'local', ...partial,
  };
}

const noAnswer = (role: string): ContactTally => ({ role, roleType: 'clinician', result: 'noAnswer' });
const accepted = (role: string): ContactTally => ({ role, roleType: 'clinician', result: 'accepted' });

describe('governance dashboard figures', () => {
  it('takes the nearest-rank 90th percentile', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([5], 0.9)).toBe(5);
    expect(percentile([], 0.9)).toBeNull();
  });

  it('counts episodes per SOP per month (UTC months)', () => {
    const figures = computeDashboard([
      row({ startedAt: Date.UTC(2026, 0, 31, 23, 30) }),
      row({ startedAt: Date.UTC(2026, 1, 1, 0, 30) }),
      row({ startedAt: Date.UTC(2026, 1, 14), sopId: 'severe-as' }),
      row({ startedAt: Date.UTC(2026, 1, 20) }),
    ]);
    expect(figures.months).toEqual(['2026-01', '2026-02']);
    expect(figures.sopIds).toEqual(['fast-af', 'severe-as']);
    expect(figures.perSopMonth).toEqual({ 'fast-af': { '2026-01': 1, '2026-02': 2 }, 'severe-as': { '2026-02': 1 } });
  });

  it('breaks outcomes down by urgency, keeping episodes with no outcome apart', () => {
    const figures = computeDashboard([
      row({ urgency: 'emergency' }), row({ urgency: 'emergency', status: 'abandoned' }), row({ urgency: 'routine' }), row({ status: 'open' }),
    ]);
    expect(figures.urgencyLevels).toEqual(['emergency', 'routine', '']);
    expect(figures.outcomesByUrgency.emergency).toEqual({ open: 0, completed: 1, abandoned: 1 });
    expect(figures.outcomesByUrgency['']).toEqual({ open: 1, completed: 0, abandoned: 0 });
  });

  it('counts episodes per urgency per month, the trend over time', () => {
    const figures = computeDashboard([
      row({ urgency: 'emergency', startedAt: Date.UTC(2026, 0, 10) }),
      row({ urgency: 'emergency', startedAt: Date.UTC(2026, 1, 3), sopId: 'severe-as' }),
      row({ urgency: 'emergency', startedAt: Date.UTC(2026, 1, 9), status: 'abandoned' }),
      row({ urgency: 'routine', startedAt: Date.UTC(2026, 1, 9) }),
    ]);
    expect(figures.perUrgencyMonth).toEqual({ emergency: { '2026-01': 1, '2026-02': 2 }, routine: { '2026-02': 1 } });
  });

  it('gives the median and 90th percentile time to the first clinician reached, overall and per SOP', () => {
    const minutes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 20];
    const rows = minutes.map((m, index) =>
      row({ sopId: index < 5 ? 'fast-af' : 'severe-as', startedAt: T0, firstClinicianReachedAt: T0 + m * MINUTE }),
    );
    rows.push(row({ firstClinicianReachedAt: null }));
    const { overall, bySop } = computeDashboard(rows).timeToClinician;
    expect(overall).toEqual({ sopId: 'all', count: 10, medianMs: 5.5 * MINUTE, p90Ms: 9 * MINUTE });
    expect(bySop.map((item) => [item.sopId, item.medianMs, item.p90Ms])).toEqual([
      ['fast-af', 3 * MINUTE, 5 * MINUTE],
      ['severe-as', 8 * MINUTE, 20 * MINUTE],
    ]);
  });

  it('ranks the contacts that most often did not answer', () => {
    const figures = computeDashboard([
      row({ contacts: [noAnswer('cardiology-registrar'), noAnswer('cardiology-registrar'), accepted('cardiology-registrar')] }),
      row({ contacts: [noAnswer('medical-registrar'), accepted('cardiology-registrar')] }),
      row({ contacts: [accepted('ambulance')] }),
    ]);
    expect(figures.unanswered).toEqual([
      { role: 'cardiology-registrar', noAnswer: 2, attempts: 4 },
      { role: 'medical-registrar', noAnswer: 1, attempts: 1 },
    ]);
  });

  it('computes the figures from the stored log within a range of months', async () => {
    const db = freshDb();
    const april = Date.UTC(2026, 3, 2, 9);
    await recordEpisode(db, { startedAt: T0, events: [reachRegistrar(T0 + 3 * MINUTE), ...completeSameDay(T0 + 4 * MINUTE)] });
    await recordEpisode(db, { startedAt: april, sop: otherSop, events: [reachRegistrar(april + 2 * MINUTE, 'noAnswer')] });
    const march = await loadDashboard({ fromMonth: '2026-03', toMonth: '2026-03' }, db);
    expect(march.total).toBe(1);
    expect(march.timeToClinician.overall.medianMs).toBe(3 * MINUTE);
    expect(march.outcomesByUrgency['same-day']).toEqual({ open: 0, completed: 1, abandoned: 0 });
    expect((await loadDashboard({}, db)).unanswered).toEqual([{ role: 'cardiology-registrar', noAnswer: 1, attempts: 2 }]);
    expect((await loadDashboard({ fromMonth: '2026-04' }, db)).sopIds).toEqual(['severe-as']);
  });

  it('keeps its running monthly totals equal to a rebuild from the episodes, through appends, endings and imports', async () => {
    const db = freshDb();
    const first = await recordEpisode(db, { startedAt: T0 });
    await appendEvents(first.id, [reachRegistrar(T0 + MINUTE, 'noAnswer')], {}, db);
    await appendEvents(first.id, [reachRegistrar(T0 + 2 * MINUTE)], {}, db);
    await appendEvents(first.id, completeSameDay(T0 + 3 * MINUTE), {}, db);
    const second = await recordEpisode(db, { startedAt: T0 + 40 * 24 * 60 * MINUTE, sop: otherSop });
    await endEpisode(second.id, { status: 'abandoned', at: T0 + 40 * 24 * 60 * MINUTE + MINUTE }, db);
    const tablet = freshDb();
    await recordEpisode(tablet, { startedAt: T0 + 5 * MINUTE, events: [reachRegistrar(T0 + 9 * MINUTE, 'advised')] });
    await importLogJson(await exportLogJson({}, 'test', tablet), db);

    const running = await loadDashboard({}, db);
    expect(running.total).toBe(3);
    expect(running).toEqual(computeDashboard(await db.episodes.toArray()));
  });
});
