// The Escalate list at a glance: the shipped findings in the order of
// src/sops/order/escalate-list.json (how soon each can harm the patient), then any SOP
// it does not name by its most urgent reachable outcome (emergency, same day,
// urgent, routine), then by title; the urgency is said in words on each card and in its description,
// and a card's name starts with its visible title. Search keeps the order.
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SopList } from '../../../src/features/runner/list/SopList';
import type { SopListing } from '../../../src/features/runner/list/sopListing';
import { mostUrgentOutcome, type Urgency } from '../../../src/engine';
import { builtInSops } from '../../../src/sops';
import listOrder from '../../../src/sops/order/escalate-list.json';
import catalogue from '../../../src/sops/derived/catalogue.json';
import { parseListings } from '../../../src/features/runner/list/sopListing';
import { timeCriticalFirst } from '../../../src/features/runner/list/listingOrder';
import { testAf } from './fixtures';

const listing = (sopId: string, title: string, urgency: Urgency | null, finding = `${title} seen during the scan`): SopListing => ({
  sopId, title, fullTitle: title, finding, keywords: [], modalities: ['echo'], status: 'template', urgency,
});

// Given in no particular order.
const listings = [
  listing('routine-one', 'Zebra routine finding', 'routine'),
  listing('same-day-one', 'Apple same-day finding', 'same-day'),
  listing('none', 'Aardvark with no outcome', null),
  listing('emergency-b', 'Bear emergency finding', 'emergency'),
  listing('urgent-one', 'Mango urgent finding', 'urgent'),
  listing('emergency-a', 'Ant emergency finding', 'emergency', 'A large pericardial effusion'),
];

const cardNames = () => within(screen.getByRole('list')).getAllByRole('button').map((button) => button.textContent);

describe('the Escalate list order', () => {
  it('names every shipped finding exactly once, and nothing else (the "Patient collapsed" SOP has its own button)', () => {
    const named = listOrder.tiers.flatMap((tier) => tier.sops);
    expect(new Set(named).size).toBe(named.length);
    expect([...named].sort()).toEqual(builtInSops.map((doc) => doc.id).sort());
  });

  it('puts the shipped findings that can threaten life within minutes first, in the order file\'s order, then those to act on before the patient leaves', () => {
    const shipped = parseListings(catalogue)!;
    render(<SopList listings={shipped} onStart={() => undefined} busy={false} />);
    const cards = within(screen.getByRole('list')).getAllByRole('button');
    // Not alphabetical, and not by the most urgent outcome: every one of them can end in an emergency.
    expect(shipped.every((item) => item.urgency === 'emergency')).toBe(true);
    expect(cards.slice(0, 3).map((card) => card.querySelector('.runner-sop__title')?.textContent)).toEqual(
      ['aortic-syndrome', 'contrast-reaction', 'pericardial-effusion'].map((id) => shipped.find((item) => item.sopId === id)!.title),
    );
    expect(cards.at(-1)?.querySelector('.runner-sop__title')?.textContent).toBe(shipped.find((item) => item.sopId === 'contrast-extravasation')!.title);
    expect(cards[0]).toHaveAccessibleDescription(expect.stringMatching(/^Can threaten life within minutes\. Most urgent outcome: Emergency now\./));
    expect(cards.at(-1)).toHaveAccessibleDescription(expect.stringMatching(/^Serious: act before the patient leaves\./));
    expect(screen.getByText('Time-critical findings first')).toBeInTheDocument();
  });

  it('places an SOP the order file does not name (a local one) after the named ones, by its most urgent outcome', () => {
    const shipped = parseListings(catalogue)!.filter((item) => ['aortic-syndrome', 'cardiac-mass'].includes(item.sopId));
    const local = [listing('local-routine', 'Aa local routine', 'routine'), listing('local-emergency', 'Zz local emergency', 'emergency')];
    expect(timeCriticalFirst([...local, ...shipped]).map((item) => item.sopId)).toEqual(['aortic-syndrome', 'cardiac-mass', 'local-emergency', 'local-routine']);
  });

  it('puts the most urgent outcome first, then orders by title, and says the urgency in words', () => {
    render(<SopList listings={listings} onStart={() => undefined} busy={false} />);
    const cards = within(screen.getByRole('list')).getAllByRole('button');
    expect(cards.map((card) => card.querySelector('.runner-sop__title')?.textContent)).toEqual([
      'Ant emergency finding', 'Bear emergency finding', 'Apple same-day finding', 'Mango urgent finding', 'Zebra routine finding', 'Aardvark with no outcome',
    ]);
    expect(cards.map((card) => card.querySelector('.urgency-tag')?.textContent ?? null)).toEqual([
      'Emergency now', 'Emergency now', 'Same day', 'Urgent (within 2 weeks)', 'Routine', null,
    ]);
    // Named by the visible title; the urgency, template status and finding are the description.
    expect(cards[0]).toHaveAccessibleName('Ant emergency finding');
    expect(cards[0]).toHaveAccessibleDescription('Most urgent outcome: Emergency now. Template: needs local sign-off. A large pericardial effusion');
    expect(cards[5]).toHaveAccessibleDescription('Template: needs local sign-off. Aardvark with no outcome seen during the scan');
  });

  it('keeps that order while searching, and a tap starts the SOP tapped', async () => {
    const onStart = vi.fn();
    render(<SopList listings={listings} onStart={onStart} busy={false} />);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search findings' }), 'finding');
    expect(cardNames()).toEqual([
      expect.stringMatching(/^Ant emergency/), expect.stringMatching(/^Bear emergency/), expect.stringMatching(/^Apple same-day/),
      expect.stringMatching(/^Mango urgent/), expect.stringMatching(/^Zebra routine/),
    ]);
    await userEvent.click(screen.getByRole('button', { name: /^Apple same-day finding/ }));
    expect(onStart).toHaveBeenCalledWith(expect.objectContaining({ sopId: 'same-day-one' }));
  });

  it('takes each SOP\'s most urgent outcome reachable from its start, whatever the scan type', () => {
    expect(mostUrgentOutcome(testAf)).toBe('emergency');
    // From "calm" only the urgent review is reachable.
    expect(mostUrgentOutcome({ ...testAf, start: 'calm' })).toBe('urgent');
    // The emergency outcome only the MRI route reaches still counts.
    const mriOnly = {
      ...testAf,
      steps: testAf.steps.map((step) => (step.kind === 'modality' ? { ...step, routes: { echo: 'calm', mri: 'callRegistrar' } } : step)),
    };
    expect(mostUrgentOutcome(mriOnly)).toBe('emergency');
  });
});
