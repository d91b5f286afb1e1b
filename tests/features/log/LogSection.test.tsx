import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { exportLogJson } from '../../../src/db/export';
import { type LogDb } from '../../../src/db/database';
import { LogSection } from '../../../src/features/log/LogSection';
import { completeSameDay, freshDb, otherSop, reachRegistrar, recordEpisode, MINUTE, T0 } from '../../db/logFixtures';

const HOUR = 60 * MINUTE;

// IndexedDB work in these tests can take over a second on a busy machine.
configure({ asyncUtilTimeout: 5000 });

async function aLogWith(count: number): Promise<LogDb> {
  const db = freshDb();
  for (let n = 0; n < count; n += 1) {
    const startedAt = T0 + n * HOUR;
    await recordEpisode(db, {
      startedAt,
      sop: n % 2 ? otherSop : undefined,
      events: n % 3 === 0 ? [reachRegistrar(startedAt + MINUTE, 'noAnswer'), reachRegistrar(startedAt + 3 * MINUTE + 20_000), ...completeSameDay(startedAt + 5 * MINUTE)] : [],
    });
  }
  return db;
}

function openTheLog(db: LogDb, saveFile = vi.fn()) {
  const user = userEvent.setup();
  render(<LogSection db={db} saveFile={saveFile} appVersion="test" />);
  return { user, saveFile };
}

const episodeRows = () => within(screen.getByRole('table', { name: /episodes, newest first/i })).getAllByRole('row').slice(1);

describe('the Log section', { timeout: 20_000 }, () => {
  it('lists episodes newest first, a page at a time', async () => {
    const db = await aLogWith(30);
    const { user } = openTheLog(db);
    expect(await screen.findByText('Showing episodes 1 to 25, newest first.')).toBeInTheDocument();
    expect(episodeRows()).toHaveLength(25);
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('Showing episodes 26 to 30, newest first.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(await screen.findByText('Showing episodes 1 to 25, newest first.')).toBeInTheDocument();
  });

  it('filters the list by urgency and by SOP', async () => {
    const db = await aLogWith(12);
    const { user } = openTheLog(db);
    await screen.findByText(/Showing episodes 1 to 12/);
    await user.selectOptions(screen.getByLabelText('Urgency'), 'Same day');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(await screen.findByText('Showing episodes 1 to 4, newest first.')).toBeInTheDocument();
    expect(episodeRows().every((row) => within(row).queryByText('Same day'))).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await user.selectOptions(screen.getByLabelText('SOP'), 'Severe aortic stenosis');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(await screen.findByText('Showing episodes 1 to 6, newest first.')).toBeInTheDocument();
  });

  it('says so when no episode matches', async () => {
    const db = await aLogWith(3);
    const { user } = openTheLog(db);
    await screen.findByText(/Showing episodes 1 to 3/);
    await user.type(screen.getByLabelText('Site (exact name)'), 'Nowhere CDC');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(await screen.findByText('No episodes match these filters.')).toBeInTheDocument();
  });

  it('shows an episode’s timeline with the interval from the start, and replays it step by step', async () => {
    const db = await aLogWith(1);
    const { user } = openTheLog(db);
    await user.click(await screen.findByRole('button', { name: /view episode started/i }));
    const timeline = await screen.findByRole('table', { name: /timeline/i });
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: /^Episode started/ }));
    const rows = within(timeline).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(5);
    expect(within(rows[2]!).getByText('+03:20')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('Called cardiology-registrar: accepted')).toBeInTheDocument();
    expect(within(rows[3]!).getByText('Outcome: Same-day review (Same day)')).toBeInTheDocument();

    const replay = screen.getByRole('region', { name: 'Replay (read-only)' });
    expect(within(replay).getByText(/Event 1 of 5/)).toBeInTheDocument();
    await user.click(within(replay).getByRole('button', { name: 'Next step' }));
    expect(within(replay).getByText(/Event 2 of 5/)).toBeInTheDocument();
    expect(within(replay).getByText('Call the cardiology registrar')).toBeInTheDocument();
    expect(within(replay).getByText('Called cardiology-registrar: no answer')).toBeInTheDocument();
    await user.click(within(replay).getByRole('button', { name: 'Last' }));
    expect(within(replay).getByRole('button', { name: 'Next step' })).toBeDisabled();
    await user.click(within(replay).getByRole('button', { name: 'Previous step' }));
    expect(within(replay).getByText(/Event 4 of 5/)).toBeInTheDocument();
  });

  it('names collapse pathway steps from the collapse SOP the episode could enter', async () => {
    const db = freshDb();
    await recordEpisode(db, { withCollapse: true, events: [{ type: 'collapse', stepId: 'startCpr', at: T0 + MINUTE, data: { sopId: 'collapse' } }, { type: 'ticked', stepId: 'startCpr', at: T0 + 2 * MINUTE, data: { sopId: 'collapse', item: 'cpr', checked: true } }] });
    const { user } = openTheLog(db);
    await user.click(await screen.findByRole('button', { name: /view episode started/i }));
    expect(await screen.findByText('Ticked "cpr" (Start CPR and call the resuscitation team)')).toBeInTheDocument();
  });

  it('checks an episode’s hash chain and shows the head to record, or where it broke', async () => {
    const db = await aLogWith(1);
    const { user } = openTheLog(db);
    await user.click(await screen.findByRole('button', { name: /view episode started/i }));
    await user.click(await screen.findByRole('button', { name: /check the record/i }));
    expect(await screen.findByText(/Record intact: 5 events link up/)).toBeInTheDocument();

    const [episode] = await db.episodes.toArray();
    await db.events.update([episode!.id, 3], { at: T0 + 2 * MINUTE });
    await user.click(screen.getByRole('button', { name: /check the record/i }));
    expect(await screen.findByRole('alert')).toHaveTextContent('does not match its hash chain from event 3');
  });

  it('draws the governance dashboard as charts with text alternatives and data tables', async () => {
    const db = await aLogWith(6);
    const { user } = openTheLog(db);
    await user.click(screen.getByRole('button', { name: 'Dashboard' }));
    expect(await screen.findByText(/6 episodes\. Time from start to the first clinician reached: median 3\.3 min/)).toBeInTheDocument();
    for (const name of ['Episodes per SOP per month', 'Outcomes by urgency', 'Minutes from start to first clinician reached', 'Contacts that most often did not answer']) {
      expect(screen.getByRole('img', { name: new RegExp(name) })).toBeInTheDocument();
      expect(screen.getByRole('table', { name })).toBeInTheDocument();
    }
    const unanswered = screen.getByRole('table', { name: 'Contacts that most often did not answer' });
    expect(within(unanswered).getByRole('row', { name: /cardiology-registrar 2 4/ })).toBeInTheDocument();
  });

  it('exports the log as CSV and imports another tablet’s JSON with a report', async () => {
    const db = await aLogWith(2);
    const { user, saveFile } = openTheLog(db);
    await user.click(screen.getByRole('button', { name: 'Export and import' }));
    await user.click(screen.getByRole('button', { name: 'Export Episodes (CSV spreadsheet)' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1));
    const [fileName, parts, mime] = saveFile.mock.calls[0]!;
    const text = (parts as string[]).join('');
    expect(fileName).toMatch(/episodes\.csv$/);
    expect(mime).toBe('text/csv');
    expect(text).toMatch(/^episode_id,sop_id/);
    expect(text).toMatch(/Latest chain head: SHA-256,[0-9a-f]{64}/);
    // The events come as the file's bytes, which the download's Blob takes as they are.
    await user.click(screen.getByRole('button', { name: 'Export Events (CSV spreadsheet)' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(2));
    const [eventsName, eventsParts] = saveFile.mock.calls[1]!;
    const eventsText = new TextDecoder().decode((eventsParts as Uint8Array[])[0]);
    expect(eventsName).toMatch(/events\.csv$/);
    expect(eventsText).toMatch(/^episode_id,seq,event_id/);
    expect(eventsText).toMatch(/Events,\d+\r\n/);

    const otherTablet = await aLogWith(3);
    const file = new File([await exportLogJson({}, 'test', otherTablet)], 'other.json', { type: 'application/json' });
    await user.upload(screen.getByLabelText('JSON log export file'), file);
    expect(await screen.findByText(/Imported 3 episodes; 0 already here/)).toBeInTheDocument();
    await user.upload(screen.getByLabelText('JSON log export file'), file);
    expect(await screen.findByText(/Imported 0 episodes; 3 already here/)).toBeInTheDocument();
    expect(await db.episodes.count()).toBe(5);
  });

  it('checks every record in a date range and names the ones that do not match', async () => {
    const db = await aLogWith(3);
    const { user } = openTheLog(db);
    await user.click(screen.getByRole('button', { name: 'Export and import' }));
    await user.click(screen.getByRole('button', { name: 'Check every record in this range' }));
    expect(await screen.findByText('All 3 records in this range match their hash chains.')).toBeInTheDocument();
    const [episode] = await db.episodes.toArray();
    await db.events.delete([episode!.id, 1]);
    await user.click(screen.getByRole('button', { name: 'Check every record in this range' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(`1 of 3 records do not match their hash chains: episode ${episode!.id} from event 1`);
  });

  it('refuses an import that is not a log export, plainly', async () => {
    const db = await aLogWith(1);
    const { user } = openTheLog(db);
    await user.click(screen.getByRole('button', { name: 'Export and import' }));
    await user.upload(screen.getByLabelText('JSON log export file'), new File(['{"hello":1}'], 'x.json', { type: 'application/json' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('not a log export of this app');
  });
});

describe('clock changes during an episode', () => {
  it('warns when the wall clock jumped between two events', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db, { startedAt: T0 });
    const { appendEvents } = await import('../../../src/db/log');
    const { events } = await appendEvents(episode.id, [{ type: 'note', at: T0 + MINUTE, mono: 1_000_000, data: { text: 'first' } }], {}, db);
    await appendEvents(episode.id, [{ type: 'note', at: T0 + 62 * MINUTE, mono: events[0]!.mono + MINUTE, data: { text: 'after clock change' } }], {}, db);
    const { user } = openTheLog(db);
    await user.click(await screen.findByRole('button', { name: /view episode started/i }));
    expect(await screen.findByText(/clock was changed during this episode .*forward about 3600 s after event 2\b/)).toBeInTheDocument();
  });
});
