// The call for help is the first action: the CPR clock is offered only in the
// collapse pathway, once the emergency call (arrest team or 999) has been made
// from it, whatever its result; and "since collapse" counts from the collapse.
import { describe, expect, it } from 'vitest';
import type { SopContext, SopSnapshot } from '../../../../src/engine';
import { collapseTime, cprOffered } from '../../../../src/features/runner/cpr/cprOffer';
import type { EpisodeView } from '../../../../src/features/runner/episode/episodeView';
import { testAf, testCollapse } from '../fixtures';

const T0 = Date.UTC(2026, 0, 12, 10, 0, 0);
type Contact = SopContext['contacts'][number];
const call = (role: string, at: number, result: Contact['result'] = 'accepted', extra: Partial<Contact> = {}): Contact =>
  ({ stepId: 'x', role, outcome: 'o', result, at, ...extra });

const withRoles = {
  ...testCollapse,
  roles: [
    ...testCollapse.roles,
    { id: 'ambulance-999', title: 'Ambulance service: 999', type: 'ambulance' as const },
    { id: 'ambulance-hcp', title: 'Ambulance HCP line', type: 'ambulance' as const },
  ],
};

function view(options: { embedded?: boolean; collapsedAt?: number | null; contacts?: Contact[]; ended?: EpisodeView['ended'] }) {
  const embedded = options.embedded ?? false;
  const collapsedAt = options.collapsedAt === undefined ? (embedded ? T0 + 60_000 : null) : options.collapsedAt;
  const context = { contacts: options.contacts ?? [], collapsedAt } as unknown as SopContext;
  return {
    inCollapse: embedded ? collapsedAt !== null : true,
    ended: options.ended ?? null,
    snapshot: { context } as SopSnapshot,
    doc: embedded ? testAf : withRoles,
    collapse: embedded ? withRoles : undefined,
    startedAt: T0,
  };
}

describe('when the CPR clock is offered', () => {
  it('not before the emergency call', () => {
    expect(cprOffered(view({}))).toBe(false);
    expect(cprOffered(view({ contacts: [call('cardiology-registrar', T0 + 5_000)] }))).toBe(false);
    expect(cprOffered(view({ contacts: [call('ambulance-hcp', T0 + 5_000)] }))).toBe(false);
  });

  it('once the arrest team or 999 has been called, whatever the result (nobody waits for an answer to start CPR)', () => {
    expect(cprOffered(view({ contacts: [call('resuscitation', T0 + 5_000)] }))).toBe(true);
    expect(cprOffered(view({ contacts: [call('resuscitation', T0 + 5_000, 'noAnswer')] }))).toBe(true);
    expect(cprOffered(view({ contacts: [call('resuscitation', T0 + 5_000, 'noAnswer', { notConfigured: true })] }))).toBe(true);
    expect(cprOffered(view({ contacts: [call('ambulance-999', T0 + 5_000)] }))).toBe(true);
  });

  it('in a collapse entered from another SOP, a 999 call made before the collapse does not count', () => {
    const collapsedAt = T0 + 60_000;
    expect(cprOffered(view({ embedded: true, contacts: [call('ambulance-999', T0 + 30_000)] }))).toBe(false);
    expect(cprOffered(view({ embedded: true, contacts: [call('ambulance-999', T0 + 30_000), call('resuscitation', collapsedAt + 4_000)] }))).toBe(true);
    // Undone back out of the collapse pathway: nothing offered.
    expect(cprOffered(view({ embedded: true, collapsedAt: null, contacts: [call('resuscitation', T0 + 70_000)] }))).toBe(false);
  });

  it('not once the episode has ended', () => {
    expect(cprOffered(view({ contacts: [call('resuscitation', T0 + 5_000)], ended: 'completed' }))).toBe(false);
  });
});

describe('the time of the collapse', () => {
  it('is the COLLAPSE tap inside another SOP, or the start of the collapse SOP run on its own', () => {
    expect(collapseTime(view({ embedded: true }))).toBe(T0 + 60_000);
    expect(collapseTime(view({}))).toBe(T0);
    expect(collapseTime(view({ embedded: true, collapsedAt: null }))).toBeNull();
  });
});
