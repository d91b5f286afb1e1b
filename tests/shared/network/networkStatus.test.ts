// The header's few words on sync: nothing on a tablet that is not enrolled,
// the waiting count when events wait, a symbol-and-word tone never colour alone.
import { describe, expect, it } from 'vitest';
import { indicatorWords, type NetworkStatus } from '../../../src/shared/network';

const identity = { url: 'https://network.test', user: 'device-1', site: 'leeds-cdc', enrolledAt: 0 };
const report = (phase: NonNullable<NetworkStatus['report']>['phase'], waiting = 0) => ({ phase, waiting, lastSyncAt: 1, problem: null, refused: [] });

describe('the header indicator', () => {
  it('says nothing on a tablet that is not on a network', () => {
    expect(indicatorWords({ checked: true, identity: null, report: null })).toBeNull();
  });

  it('says each state in words, with the events waiting', () => {
    const words = (phase: Parameters<typeof report>[0], waiting = 0) => indicatorWords({ checked: true, identity, report: report(phase, waiting) });
    expect(words('up-to-date')).toEqual({ text: 'Synced', tone: 'ok' });
    expect(words('offline', 7)).toEqual({ text: 'Offline · 7 waiting', tone: 'warning' });
    expect(words('unreachable', 2)).toEqual({ text: 'Server unreachable · 2 waiting', tone: 'warning' });
    expect(words('revoked')).toEqual({ text: 'Network access withdrawn', tone: 'error' });
    expect(words('problem', 3)).toEqual({ text: 'Sync problem · 3 waiting', tone: 'error' });
  });
});
