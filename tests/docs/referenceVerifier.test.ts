// The chain's canonical form is specified so an outsider in any language can
// recompute it: the Python reference verifier in docs/reference-verifier
// agrees with the app on a log with non-ASCII sites and notes, emoji, awkward
// numbers and keys, and finds a one-character edit and a dropped episode.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendEvents, importLogJson } from '../../src/db/log';
import { exportLogJson } from '../../src/db/export';
import { freshDb, recordEpisode, reachRegistrar, T0, MINUTE } from '../db/logFixtures';

const VERIFIER = 'docs/reference-verifier/verify_log.py';

function python(file: string): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync('python3', [VERIFIER, file], { encoding: 'utf8' }) };
  } catch (error) {
    const failed = error as { status?: number; stdout?: string; code?: string };
    // CI installs Debian, which has python3: a missing interpreter is a failure to fix, never a skip.
    if (failed.code === 'ENOENT') throw new Error('python3 is needed to run the reference verifier (Debian: apt-get install python3)');
    return { code: failed.status ?? -1, out: failed.stdout ?? '' };
  }
}

async function nonAsciiLog(): Promise<string> {
  const db = freshDb();
  const episode = await recordEpisode(db, { site: 'Ysbyty Gwynedd — Bangor', events: [reachRegistrar(T0 + MINUTE)] });
  await appendEvents(episode.id, [{
    type: 'note', at: T0 + 2 * MINUTE,
    data: {
      text: 'Zoë’s scan: “EF 30 %”, ÅÄÖ, 漢字, 🫀 emoji, a tab\tand a quote " and a backslash \\',
      small: 0.00001, tiny: 1.5e-7, big: 1e21, float: 0.1 + 0.2, negative: -42, zero: 0,
      'ä-key': 1, 'Z-key': 2, 'a-key': 3, '😀-key': 4, 'ﬀ-key': 5,
    },
  }], {}, db);
  await recordEpisode(db, { site: 'Llandudno', startedAt: T0 + 10 * MINUTE });
  return exportLogJson({}, 'test', db);
}

describe('the reference verifier (Python)', () => {
  it('agrees with the app on a log with non-ASCII text, emoji, awkward numbers and keys', async () => {
    const text = await nonAsciiLog();
    // The app itself takes the file.
    expect((await importLogJson(text, freshDb())).imported).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), 'verify-log-'));
    writeFileSync(join(dir, 'log.json'), text);
    const run = python(join(dir, 'log.json'));
    expect(run.out).toMatch(/^ok: 2 episodes/);
    expect(run.code).toBe(0);
  });

  it('finds a one-character edit and a dropped episode, as the app does', async () => {
    const text = await nonAsciiLog();
    const dir = mkdtempSync(join(tmpdir(), 'verify-log-'));
    const edited = text.replace('Zoë', 'Zoe');
    expect(edited).not.toBe(text);
    writeFileSync(join(dir, 'edited.json'), edited);
    const run = python(join(dir, 'edited.json'));
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/was changed after it was written/);
    expect((await importLogJson(edited, freshDb())).refused[0]?.reason).toMatch(/hash chain is broken/);

    const file = JSON.parse(text) as { episodes: unknown[] };
    file.episodes.pop();
    writeFileSync(join(dir, 'dropped.json'), JSON.stringify(file));
    const dropped = python(join(dir, 'dropped.json'));
    expect(dropped.code).toBe(1);
    expect(dropped.out).toMatch(/the seal does not match/);
  });
});
