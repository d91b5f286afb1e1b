// The CPR taps are the record: each is appended to the episode's hash-chained
// log as a note (the steps do not move), the clock moves at once, and an
// episode resumed from the log gets the same taps back, in the order logged.
import { describe, expect, it } from 'vitest';
import { hashSop } from '../../../../src/engine';
import { resumeEpisodeRun, startEpisodeRun } from '../../../../src/features/runner/episode/openEpisode';
import { createDbEpisodeStore } from '../../../../src/features/runner/episode/dbEpisodeStore';
import { stepOf } from '../../../../src/features/runner/episode/runModel';
import { openLogDb } from '../../../../src/db/database';
import { verifyEpisode } from '../../../../src/db/log';
import { testCollapse } from '../fixtures';

const T0 = Date.UTC(2026, 10, 27, 9, 0, 0);

describe('CPR taps in the episode log', () => {
  it('are logged as notes that keep the chain valid, leave the step where it is, and come back on resume', async () => {
    const db = openLogDb(`cpr-log-${Date.now()}`);
    const store = createDbEpisodeStore(db);
    const controller = await startEpisodeRun(store, {
      doc: testCollapse, sopHash: await hashSop(testCollapse), collapse: testCollapse,
      identity: { site: 'CDC North', modality: 'echo', operatorRole: '' }, appVersion: '1.0.0', at: T0,
    });
    await controller.send({ type: 'CONTACT', outcome: 'coming', at: T0 + 20_000 });
    const taps = [
      controller.noteCpr({ kind: 'started' }, 1, T0 + 30_000),
      controller.noteCpr({ kind: 'compressor-swapped' }, 1, T0 + 150_000),
      controller.noteCpr({ kind: 'rhythm-checked' }, 1, T0 + 155_000),
      // A clock set back between taps: kept in the order logged.
      controller.noteCpr({ kind: 'stopped', reason: 'handed-over' }, 2, T0 + 100_000),
    ];
    // The clock moves before anything is saved.
    expect(controller.getView().cpr.map((mark) => mark.kind)).toEqual(['started', 'compressor-swapped', 'rhythm-checked', 'stopped']);
    await Promise.all(taps);
    await controller.retry();
    expect(stepOf(controller.model, controller.getView().snapshot)?.step.title).toBe('Start CPR and get the defibrillator');
    const rows = (await db.events.where('episodeId').equals(controller.episodeId).sortBy('seq')).filter((row) => row.type === 'note');
    expect(rows.map((row) => [row.stepId, row.data])).toEqual([
      ['cpr', { cpr: 'started', cycle: 1 }],
      ['cpr', { cpr: 'compressor-swapped', cycle: 1 }],
      ['cpr', { cpr: 'rhythm-checked', cycle: 1 }],
      ['cpr', { cpr: 'stopped', cycle: 2, reason: 'handed-over' }],
    ]);
    expect((await verifyEpisode(controller.episodeId, db)).ok).toBe(true);

    const resumed = await resumeEpisodeRun(createDbEpisodeStore(db), controller.episodeId, { collapse: testCollapse, appVersion: '1.0.0' });
    expect(resumed.getView().cpr).toEqual([
      { kind: 'started', at: T0 + 30_000 },
      { kind: 'compressor-swapped', at: T0 + 150_000 },
      { kind: 'rhythm-checked', at: T0 + 155_000 },
      { kind: 'stopped', at: T0 + 100_000, reason: 'handed-over' },
    ]);
    expect(stepOf(resumed.model, resumed.getView().snapshot)?.step.title).toBe('Start CPR and get the defibrillator');
  });

  it('an ended episode takes no more taps', async () => {
    const db = openLogDb(`cpr-log-ended-${Date.now()}`);
    const controller = await startEpisodeRun(createDbEpisodeStore(db), {
      doc: testCollapse, sopHash: await hashSop(testCollapse), collapse: testCollapse,
      identity: { site: 'CDC North', modality: 'echo', operatorRole: '' }, appVersion: '1.0.0', at: T0,
    });
    await controller.abandon('Started in error');
    await controller.noteCpr({ kind: 'started' }, 1, T0 + 1000);
    expect(controller.getView().cpr).toEqual([]);
  });
});
