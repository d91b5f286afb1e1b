// `npm run sop -- verify`: exit 0 only when the approval verifies against the
// trust list; otherwise non-zero with the reason in plain words.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { approvedDoc, network, person, signedFile } from '../../support/trustFixtures';

const root = process.cwd();
const tsx = resolve(root, 'node_modules/tsx/dist/cli.mjs');
const dir = mkdtempSync(join(tmpdir(), 'sop-verify-'));
const write = (name: string, value: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
};
const sop = (...args: string[]) => {
  const run = spawnSync(process.execPath, [tsx, 'scripts/sop-cli.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
};

describe('npm run sop -- verify', { timeout: 120_000 }, () => {
  it('verifies a signed file, and refuses a forged one, a wrong key, other content and a wrong administrator', async () => {
    const net = await network();
    const trust = write('trust.json', net.signedList);
    const good = write('good.json', await signedFile(approvedDoc(), [{ who: net.approver, role: 'approver' }]));
    const ok = sop('verify', good, '--trust', trust, '--admin', net.admin.keyId, '--now', '2026-06-01T09:00:00Z');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('VERIFIED: "Atrial arrhythmia with a rapid ventricular rate" fast-af version 2.0.0');

    const forged = write('forged.json', approvedDoc());
    const forgedRun = sop('verify', forged, '--trust', trust, '--admin', net.admin.keyId);
    expect(forgedRun.code).toBe(1);
    expect(forgedRun.err).toContain('NOT VERIFIED: it says "approved" but carries no approval signature');

    const stranger = await person('Dr A Approver', ['approver']);
    const wrongKey = write('wrong-key.json', await signedFile(approvedDoc(), [{ who: stranger, role: 'approver' }]));
    expect(sop('verify', wrongKey, '--trust', trust, '--admin', net.admin.keyId).err).toContain('not on the Test cardiac network trust list');

    const other = await network();
    expect(sop('verify', good, '--trust', trust, '--admin', other.admin.keyId).err).toContain('different administrator key');
    expect(sop('verify', good).code).toBe(1);
  });
});
