// Each episode's scan type is confirmed at its start: the tablet's setting is
// shown as the default, and one tap on another scan type restarts the episode
// for it (the first logged as abandoned for the wrong scan type).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { setEpisodeActive } from '../../../src/shared/activity';
import { eventually, holdFrames, openSop, stopRunnerClock, useRunnerClock } from './runnerDriver';

beforeEach(() => useRunnerClock());
afterEach(() => {
  stopRunnerClock();
  setEpisodeActive(false);
});

describe('scan type at the start of an episode', () => {
  it('shows the tablet\'s scan type and restarts the episode for another in one tap', async () => {
    const run = await openSop('Fast AF');
    expect(screen.getByText(/Scan type:/)).toHaveTextContent("Scan type: Echo (this tablet's setting). Not right? It is:");
    await run.user.click(screen.getByRole('button', { name: 'Cardiac MRI' }));
    await eventually(() => run.expectStep('Bring the patient out of the scanner'));
    const episodes = await eventually(async () => {
      const rows = await run.db.episodes.toArray();
      if (rows.length < 2) throw new Error('second episode not yet stored');
      return rows;
    });
    expect((await episodes).map((e) => [e.modality, e.status]).sort()).toEqual([['echo', 'abandoned'], ['mri', 'open']]);
  });

  it('is gone once the first step is left', async () => {
    const run = await openSop('Fast AF');
    await run.choose('Yes');
    expect(screen.queryByText(/Scan type:/)).not.toBeInTheDocument();
  });

  it('goes, and Back comes, just after the frame that shows the next step is painted (that frame carries the step alone)', async () => {
    const run = await openSop('Fast AF');
    const frames = holdFrames();
    await run.choose('Yes');
    run.expectStep('Keep the patient safe while you call');
    expect(screen.getByText(/Scan type:/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Back (undo last answer)' })).not.toBeInTheDocument();
    await frames.paint();
    expect(screen.queryByText(/Scan type:/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Back (undo last answer)' })).toBeInTheDocument();
  });
});
