// The author's command line, run as an author would run it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureJson } from '../fixtures/loadFixture';
import { generateBranchingSop } from '../../support/engineGeneratedSop';

const root = process.cwd();
const tsx = resolve(root, 'node_modules/tsx/dist/cli.mjs');

function sop(...args: string[]) {
  const run = spawnSync(process.execPath, [tsx, 'scripts/sop-cli.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 30_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

function tempSop(json: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'sop-cli-')), 'sop.json');
  writeFileSync(file, JSON.stringify(json));
  return file;
}

// Each case starts a Node process; on a busy machine that alone can take seconds.
const SLOW = { timeout: 60_000 };

describe('npm run sop -- check', SLOW, () => {
  it('exits 0 for clean files and still prints their warnings', () => {
    const run = sop('check', 'tests/engine/fixtures/triageSop.json', 'docs/examples/example-sop.json', '--today', '2026-11-27');
    expect(run.code).toBe(0);
    expect(run.out).toContain('tests/engine/fixtures/triageSop.json: status: warning: template: needs local sign-off before clinical use');
    expect(run.out).toContain('2 files checked: 0 errors, 2 warnings');
  });

  it('exits 1 and prints "file: step id: field (path): message" for each error', () => {
    const json = fixtureJson('triageSop');
    json.steps[2].options[1].next = 'callRegsitrar';
    const file = tempSop(json);
    const run = sop('check', file, 'tests/fixtures/hostile/not-json.txt');
    expect(run.code).toBe(1);
    expect(run.err).toContain(`${file}: step "assess": option 2: leads to (steps[2].options[1].next): error: leads to "callRegsitrar", but there is no step with that id`);
    expect(run.err).toMatch(/not-json\.txt: \(document\): error: the file is not valid JSON/);
  });

  it('finds two files claiming the same SOP id', () => {
    const run = sop('check', 'tests/engine/fixtures/triageSop.json', tempSop(fixtureJson('triageSop')));
    expect(run.code).toBe(1);
    expect(run.err).toContain('SOP id "test-triage" is also used by tests/engine/fixtures/triageSop.json');
  });

  it('prints usage and exits 2 without files', () => {
    const run = sop('check');
    expect(run.code).toBe(2);
    expect(run.err).toContain('usage:');
  });
});

describe('npm run sop -- paths', SLOW, () => {
  it('lists every path with its outcome', () => {
    const run = sop('paths', 'docs/examples/example-sop.json', '--modality', 'echo');
    expect(run.code).toBe(0);
    expect(run.out).toContain('1. Emergency now: emergencyTransfer (echo)');
    expect(run.out).toContain('whichScanner [echo] → isUnwell [yes] → keepSafe → call999 [dispatched] → handOver [accepted] → emergencyTransfer');
    expect(run.out.trim().split('\n').at(-1)).toMatch(/^\d+ paths \(\d+ emergency, \d+ same-day\)$/);
  });

  it('streams a generated 5,000-step branching SOP that check passes, and says where it stopped and how many there are', () => {
    const file = tempSop(generateBranchingSop(5000));
    expect(sop('check', file).code).toBe(0);
    const run = sop('paths', file, '--max', '25');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out.match(/^\d+\. /gm)).toHaveLength(25);
    expect(run.out.trim().split('\n').at(-1)).toMatch(/^Stopped early: printed 25 of about \d\.\d\d × 10\^795\. The SOP has about .* paths \(.* emergency, .* same-day, .* urgent, .* routine\)\./);
  });

  it('lists one urgency tier and states the whole count', () => {
    const run = sop('paths', 'src/sops/fast-af.json', '--urgency', 'routine');
    expect(run.code).toBe(0);
    expect(run.out).toContain('1. Routine: routineOutcome');
    expect(run.out.trim().split('\n').at(-1)).toBe('3 paths ending routine; the SOP has 755 paths (290 emergency, 432 same-day, 30 urgent, 3 routine)');
  });

  it('refuses an invalid SOP', () => {
    const run = sop('paths', 'tests/fixtures/hostile/array.json');
    expect(run.code).toBe(1);
    expect(run.err).toContain('must be a JSON object');
  });
});

describe('npm run sop -- doc', SLOW, () => {
  it('writes a printable sign-off document with every text escaped', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sop-doc-')), 'signoff.html');
    const run = sop('doc', 'tests/fixtures/hostile/html-in-text.json', '--out', out);
    expect(run.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<script|<img|<iframe|<svg|<style>body\{display/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
  });
});
