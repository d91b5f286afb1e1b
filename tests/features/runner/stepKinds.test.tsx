// Each step kind on screen, driven as a user would, with every step in the log.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { eventually, openSop, stopRunnerClock, useRunnerClock } from './runnerDriver';
import { setEpisodeActive, isEpisodeActive } from '../../../src/shared/activity';

beforeEach(() => useRunnerClock());
afterEach(() => {
  stopRunnerClock();
  setEpisodeActive(false);
});

describe('step kinds', () => {
  it('opens the SOP at its first shown step with one tap, no form, and marks the episode active', async () => {
    const run = await openSop('Fast AF');
    run.expectStep('Any adverse features?');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(isEpisodeActive()).toBe(true);
    expect(await run.logTypes()).toEqual(['episode-started', 'step-entered', 'step-entered']);
  });

  it('question: shows each option as a numbered button named by its visible label, the single tier it leads to as its description', async () => {
    const run = await openSop('Fast AF');
    const no = screen.getByRole('button', { name: 'No' });
    expect(no).toHaveTextContent('2');
    expect(no).toHaveAccessibleDescription('Leads to Urgent (within 2 weeks)');
    const notSure = screen.getByRole('button', { name: /^Not sure, ?Choose this if you are not sure/ });
    expect(notSure).toHaveAccessibleName(expect.not.stringMatching(/Emergency/));
    expect(notSure).toHaveAccessibleDescription('Leads to Emergency now');
    await run.choose('Yes');
    run.expectStep('Keep the patient safe while you call');
  });

  it('actions: hides items for other modalities, ticks items and starts a reminder for a repeating one', async () => {
    const run = await openSop('Fast AF');
    await run.choose('Yes');
    expect(screen.queryByText('Keep MR-unsafe kit out')).not.toBeInTheDocument();
    await run.tick('Stay with the patient');
    expect(screen.getByRole('checkbox', { name: /Stay with the patient/ })).toBeChecked();
    await run.tick('Repeat observations');
    expect(screen.getByText(/Repeat observations: next in 15:00/)).toBeInTheDocument();
    await run.continue();
    run.expectStep('Call the on-call cardiology registrar');
    expect(await run.logTypes()).toContain('ticked');
  });

  it('MRI routes through its own step first (modality steps are never shown)', async () => {
    const run = await openSop('Fast AF', { modality: 'mri' });
    run.expectStep('Bring the patient out of the scanner');
    await run.continue();
    run.expectStep('Any adverse features?');
  });

  it('contact: shows the local number as a tel: link with the bleep, and SBAR built from the answers', async () => {
    const run = await openSop('Fast AF', { configured: ['cardiology-registrar'] });
    await run.choose('Yes');
    await run.continue();
    const call = await eventually(() => screen.getByRole('link', { name: /Call 01234 567890/ }));
    expect(call).toHaveAttribute('href', 'tel:01234567890');
    expect(screen.getByText('4321')).toBeInTheDocument();
    expect(screen.getByText(/Findings: Adverse features present/)).toBeInTheDocument();
    expect(screen.getByText(/at CDC North/)).toBeInTheDocument();
    await run.choose('Reached: accepted');
    run.expectStep('Emergency transfer arranged');
  });

  it('contact: an unconfigured role is shown loudly and the no-answer fallback is highlighted', async () => {
    const run = await openSop('Fast AF');
    await run.choose('Yes');
    await run.continue();
    await eventually(() => screen.getByText(/no number for On-call cardiology registrar on this device/));
    expect(screen.getByRole('button', { name: /No answer/ })).toHaveClass('runner-choice--emphasis');
    await run.noAnswer();
    // Nobody was called, so nobody will call back: straight on to the next contact, logged as not configured.
    run.expectStep('Call the imaging consultant');
    const rows = await run.db.events.toArray();
    expect(rows.find((row) => row.type === 'contact-attempt')?.data).toMatchObject({ notConfigured: true, roleTitle: 'On-call cardiology registrar' });
    expect(rows.map((row) => row.type)).toContain('wait-passed');
  });

  it('contact: a real unanswered call waits for a call back, and "try the next contact now" moves on at once', async () => {
    const run = await openSop('Fast AF', { configured: ['cardiology-registrar'] });
    await run.choose('Yes');
    await run.continue();
    await run.noAnswer();
    run.expectStep('Wait for a call back');
    expect((await run.db.events.toArray()).find((row) => row.type === 'contact-attempt')?.data).toMatchObject({ notConfigured: false, result: 'noAnswer' });
    await run.choose('Try the next contact now');
    run.expectStep('Call the imaging consultant');
    expect(await run.logTypes()).toContain('wait-skipped');
    await run.back();
    run.expectStep('Wait for a call back');
  });

  it('contact: "gave advice" asks for the advice and logs it', async () => {
    const run = await openSop('Fast AF', { configured: ['cardiology-registrar', 'imaging-consultant'] });
    await run.choose('Yes');
    await run.continue();
    await run.noAnswer();
    await run.choose('Try the next contact now');
    await run.user.click(screen.getByRole('button', { name: /^Reached: advised/ }));
    await run.user.type(screen.getByLabelText('What advice did Imaging consultant give?'), 'Send to ED by ambulance');
    await run.choose('Save advice and continue');
    run.expectStep('Emergency transfer arranged');
    const attempt = (await run.db.events.toArray()).filter((row) => row.type === 'contact-attempt').at(-1);
    expect(attempt?.data).toMatchObject({ result: 'advised', advice: 'Send to ED by ambulance', roleTitle: 'Imaging consultant' });
  });

  it('wait: counts down, then alarms and moves to the escalation step when the time runs out', async () => {
    const run = await openSop('Fast AF', { configured: ['cardiology-registrar'] });
    await run.choose('Yes');
    await run.continue();
    await run.noAnswer();
    expect(screen.getByText('10:00')).toBeInTheDocument();
    await run.advance('3m');
    expect(screen.getByText('07:00')).toBeInTheDocument();
    await run.advance('7m');
    run.expectStep('Call the imaging consultant');
    expect(run.alarmTexts()).toEqual([expect.stringContaining('Time is up: Wait for a call back')]);
    expect(screen.getByText(/Time is up: Wait for a call back/).closest('[role="alert"]')).not.toBeNull();
    expect((await run.logTypes()).filter((t) => t === 'timer-expired')).toHaveLength(1);
  });

  it('wait: can be ended early', async () => {
    const run = await openSop('Fast AF', { configured: ['cardiology-registrar'] });
    await run.choose('Yes');
    await run.continue();
    await run.noAnswer();
    await run.choose('Registrar called back');
    run.expectStep('Emergency transfer arranged');
  });

  it('outcome: shows urgency in words, disposition, report wording, what to document and a timed summary; Finish ends the episode', async () => {
    const run = await openSop('Fast AF');
    await run.choose('No');
    run.expectStep('Urgent review');
    // The care card's heading says the urgency in words (its colour is never the only signal), the disposition under it.
    const care = screen.getByRole('heading', { level: 2, name: 'Urgency: Urgent (within 2 weeks)' });
    expect(care.parentElement!.parentElement).toHaveTextContent('Urgent review by the referrer.');
    expect(screen.getByText('Fast AF without adverse features.')).toBeInTheDocument();
    expect(screen.getByText('Finding and who was told')).toBeInTheDocument();
    expect(screen.getByText(/Any adverse features\? — No/)).toBeInTheDocument();
    expect(screen.getAllByText(/\(\+00:00\)/).length).toBeGreaterThan(0);
    await run.finish();
    const listHeading = await eventually(() => screen.getByRole("heading", { level: 1, name: /Escalate/ }));
    // The step's heading is gone: focus lands on the list's heading, not on the page.
    await eventually(() => expect(document.activeElement).toBe(listHeading));
    expect(isEpisodeActive()).toBe(false);
    const types = await run.logTypes();
    expect(types.slice(-2)).toEqual(['outcome-reached', 'episode-completed']);
  });

  it('outcome: after unanswered calls it says plainly that no clinician was reached, never that anyone was told', async () => {
    const run = await openSop('Fast AF', { configured: ['imaging-consultant'] });
    await run.choose('Yes');
    await run.continue();
    await run.noAnswer();
    await run.noAnswer();
    run.expectStep('Emergency transfer arranged');
    expect(screen.getByRole('alert')).toHaveTextContent('No clinician has been spoken to');
    expect(screen.getByText(/^Escalation: Nobody was reached\. Not reached: On-call cardiology registrar \(not configured on this device: not called\); Imaging consultant \(no answer\)\. No clinician has been spoken to\.$/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Call 999' })).toHaveAttribute('href', 'tel:999');
    const outcome = (await run.db.events.toArray()).find((row) => row.type === 'outcome-reached');
    expect(outcome?.data).toMatchObject({ clinicianReached: false, reached: '' });
  });

  it('outcome: names who was reached when a clinician accepted', async () => {
    const run = await openSop('Fast AF', { configured: ['cardiology-registrar'] });
    await run.choose('Yes');
    await run.continue();
    await run.choose('Reached: accepted');
    expect(screen.getByText(/^Escalation: Reached: On-call cardiology registrar \(accepted\)\. A clinician was spoken to\.$/)).toBeInTheDocument();
    expect(screen.queryByText(/No clinician has been spoken to/)).not.toBeInTheDocument();
    const outcome = (await run.db.events.toArray()).find((row) => row.type === 'outcome-reached');
    expect(outcome?.data).toMatchObject({ clinicianReached: true, reached: 'On-call cardiology registrar (accepted)' });
  });

  it('actions: a checklist continued with nothing ticked is logged and summarised "continued, 0 of N done"', async () => {
    const run = await openSop('Fast AF', { configured: ['cardiology-registrar'] });
    await run.choose('Yes');
    await run.continue();
    const continued = (await run.db.events.toArray()).find((row) => row.type === 'continued');
    expect(continued?.data).toMatchObject({ done: 0, of: 2 });
    await run.choose('Reached: accepted');
    expect(screen.getByText(/Keep the patient safe while you call — continued, 0 of 2 done/)).toBeInTheDocument();
  });
});
