import { describe, expect, it } from 'vitest';
import { appendEvents, endEpisode, ENDED_READ_ONLY, loadEpisode, openEpisodes, prepareEvents, verifyEpisode } from '../../../src/db/log';
import { ChainConflictError, StorageError } from '../../../src/db/database';
import { LogDb } from '../../../src/db/database';
import { chainEvents } from '../../../src/db/log';
import { applyEvent } from '../../../src/db/log';
import { freshDb, recordEpisode, reachRegistrar, completeSameDay, sampleSop, T0, MINUTE } from '../logFixtures';

describe('appending events to an episode', () => {
  it('stores the SOP document once by content hash and the started event with the episode', async () => {
    const db = freshDb();
    const first = await recordEpisode(db);
    await recordEpisode(db);
    expect(await db.sops.count()).toBe(1);
    const { sop, events, episode } = await loadEpisode(first.id, db);
    expect(sop?.document).toEqual(sampleSop);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'episode-started', data: { sopId: 'fast-af', site: 'Riverside CDC', modality: 'echo' } });
    expect(episode).toMatchObject({ status: 'open', lastSeq: 1, startedAt: T0, headHash: events[0]!.hash });
  });

  it('keeps the outcome, urgency and first clinician reached on the episode summary', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db, {
      events: [reachRegistrar(T0 + MINUTE, 'noAnswer'), reachRegistrar(T0 + 4 * MINUTE, 'advised'), ...completeSameDay(T0 + 6 * MINUTE)],
    });
    expect(episode).toMatchObject({
      status: 'completed',
      urgency: 'same-day',
      outcomeStepId: 'sameDayReview',
      firstClinicianReachedAt: T0 + 4 * MINUTE,
      endedAt: T0 + 6 * MINUTE + 1000,
      lastSeq: 5,
    });
    expect(episode.contacts.map((contact) => contact.result)).toEqual(['noAnswer', 'advised']);
  });

  it('forgets an outcome that was undone, and takes the one reached after it', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db, {
      events: [{ type: 'outcome-reached', stepId: 'sameDayReview', at: T0 + MINUTE, data: { urgency: 'same-day' } }, { type: 'undo', at: T0 + 2 * MINUTE }],
    });
    expect(episode).toMatchObject({ urgency: '', outcomeStepId: '' });
    const after = await appendEvents(episode.id, [{ type: 'outcome-reached', stepId: 'callNow', at: T0 + 3 * MINUTE, data: { urgency: 'emergency' } }], {}, db);
    expect(after.episode).toMatchObject({ urgency: 'emergency', outcomeStepId: 'callNow' });
  });

  it('does not count an ambulance call as reaching a clinician', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db, {
      events: [{ type: 'contact-attempt', stepId: 'call999', at: T0 + MINUTE, data: { role: 'ambulance', roleType: 'ambulance', result: 'accepted' } }],
    });
    expect(episode.firstClinicianReachedAt).toBeNull();
  });

  it('lists open episodes for the runner to resume, and not ended ones', async () => {
    const db = freshDb();
    const open = await recordEpisode(db);
    const ended = await recordEpisode(db);
    await endEpisode(ended.id, { status: 'abandoned', reason: 'Test started by mistake', at: T0 + MINUTE }, db);
    expect((await openEpisodes(db)).map((row) => row.id)).toEqual([open.id]);
    expect((await loadEpisode(ended.id, db)).episode).toMatchObject({ status: 'abandoned', endedAt: T0 + MINUTE });
  });

  it('writes concurrent appends one after the other without forking the chain', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db);
    await Promise.all([1, 2, 3, 4].map((n) => appendEvents(episode.id, [{ type: 'note', at: T0 + n * MINUTE, data: { n } }], {}, db)));
    const { events } = await loadEpisode(episode.id, db);
    expect(events.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5]);
    expect((await verifyEpisode(episode.id, db)).ok).toBe(true);
  });

  it('refuses a write from a tab that last saw an older head, and writes nothing', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db);
    await appendEvents(episode.id, [{ type: 'note', at: T0 + MINUTE }], { afterSeq: 1 }, db);
    const stale = appendEvents(episode.id, [{ type: 'note', at: T0 + 2 * MINUTE }], { afterSeq: 1 }, db);
    await expect(stale).rejects.toBeInstanceOf(ChainConflictError);
    await expect(stale).rejects.toMatchObject({ kind: 'conflict' });
    expect(await db.events.count()).toBe(2);
  });

  it('refuses a write when another tab extended the chain between reading the head and writing', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db);
    const otherTab = new LogDb(db.name);
    // The other tab's write lands after our head was read: as it would if Web Locks were unavailable.
    const originalGet = db.episodes.get.bind(db.episodes);
    let intercepted = false;
    db.episodes.get = (async (key: string) => {
      const row = await originalGet(key);
      if (!intercepted && row) {
        intercepted = true;
        const [event] = await chainEvents({ seq: row.lastSeq, hash: row.headHash }, [
          { episodeId: row.id, id: 'other-tab-note', type: 'note', stepId: '', data: { tab: 'other' }, at: T0 + MINUTE, mono: 1 },
        ]);
        await otherTab.transaction('rw', otherTab.episodes, otherTab.events, async () => {
          await otherTab.events.add(event!);
          await otherTab.episodes.put(applyEvent(row, event!));
        });
      }
      return row;
    }) as typeof db.episodes.get;
    await expect(appendEvents(episode.id, [{ type: 'note', at: T0 + 2 * MINUTE }], {}, db)).rejects.toMatchObject({ kind: 'conflict' });
    const { events } = await loadEpisode(episode.id, otherTab);
    expect(events.map((event) => event.data.tab ?? null)).toEqual([null, 'other']);
    expect((await verifyEpisode(episode.id, otherTab)).ok).toBe(true);
  });

  it('recognises a retried batch that was already stored and does not write it twice', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db);
    const batch = prepareEvents([{ type: 'note', at: T0 + MINUTE }, { type: 'note', at: T0 + 2 * MINUTE }]);
    const first = await appendEvents(episode.id, batch, {}, db);
    const again = await appendEvents(episode.id, batch, {}, db);
    expect(first.alreadyStored).toBe(false);
    expect(again).toMatchObject({ alreadyStored: true });
    expect(again.events.map((event) => event.id)).toEqual(batch.map((event) => event.id));
    expect(await db.events.count()).toBe(3);
  });

  it('keeps an ended episode closed: nothing is added on either path, a second end is refused, a retried end is recognised', async () => {
    const db = freshDb();
    const open = await recordEpisode(db, { events: [reachRegistrar(T0 + MINUTE)] });
    const end = prepareEvents([{ type: 'episode-completed', at: T0 + 2 * MINUTE, data: { urgency: 'same-day' } }]);
    const ended = await appendEvents(open.id, end, {}, db);
    expect(ended.episode.status).toBe('completed');
    // A retry of the end itself (an ambiguous failure) is found already stored, not refused.
    expect(await appendEvents(open.id, end, {}, db)).toMatchObject({ alreadyStored: true });
    const closed = { userMessage: ENDED_READ_ONLY };
    await expect(appendEvents(open.id, [{ type: 'note', at: T0 + 3 * MINUTE, data: { text: 'later' } }], {}, db)).rejects.toMatchObject(closed);
    const head = (await db.episodes.get(open.id))!;
    const known = { seq: head.lastSeq, hash: head.headHash, row: head };
    await expect(appendEvents(open.id, [{ type: 'note', at: T0 + 3 * MINUTE }], { knownHead: known }, db)).rejects.toMatchObject(closed);
    await expect(appendEvents(open.id, [{ type: 'note', at: T0 + 3 * MINUTE }], { knownHead: { seq: head.lastSeq, hash: head.headHash } }, db)).rejects.toMatchObject(closed);
    await expect(endEpisode(open.id, { status: 'abandoned', reason: 'again', at: T0 + 4 * MINUTE }, db)).rejects.toMatchObject(closed);
    // A tab that still thinks the episode is open (it was ended in another tab) is refused too.
    await expect(appendEvents(open.id, [{ type: 'note', at: T0 + 3 * MINUTE }], { knownHead: { seq: open.lastSeq, hash: open.headHash, row: open } }, db)).rejects.toBeInstanceOf(StorageError);
    expect((await db.episodes.get(open.id))!.lastSeq).toBe(head.lastSeq);
    expect(await db.events.where('episodeId').equals(open.id).count()).toBe(head.lastSeq);
    expect((await verifyEpisode(open.id, db)).ok).toBe(true);
  });

  it('writes only the unsaved part of a retried batch whose first events were stored', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db);
    const [a, b] = prepareEvents([{ type: 'note', at: T0 + MINUTE }, { type: 'note', at: T0 + 2 * MINUTE }]);
    await appendEvents(episode.id, [a!], {}, db);
    const result = await appendEvents(episode.id, [a!, b!], {}, db);
    expect(result.events.map((event) => event.id)).toEqual([b!.id]);
    expect((await loadEpisode(episode.id, db)).events.map((event) => event.id).slice(1)).toEqual([a!.id, b!.id]);
  });

  it('refuses malformed events before anything is hashed or written', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db);
    await expect(appendEvents(episode.id, [{ type: 'note', at: Number.NaN }], {}, db)).rejects.toMatchObject({ kind: 'invalid' });
    await expect(appendEvents(episode.id, [{ type: '', at: T0 }], {}, db)).rejects.toBeInstanceOf(StorageError);
    await expect(appendEvents('no-such-episode', [{ type: 'note', at: T0 }], {}, db)).rejects.toMatchObject({ kind: 'not-found' });
    expect(await db.events.count()).toBe(1);
  });
});
