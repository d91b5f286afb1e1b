// The administrator's trust-list CLI: make the administrator key once, add an
// approver's public key, revoke it, and show the list only when it verifies
// against the pinned key id; a tablet then accepts the file it writes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSigningKey, verifyTrustList } from '../../../src/engine';
import { publicKeyFile } from '../../../src/db/library';

const root = resolve(__dirname, '../../..');
const tsx = resolve(root, 'node_modules/tsx/dist/cli.mjs');

function trust(...args: string[]) {
  const run = spawnSync(process.execPath, [tsx, 'scripts/trust-cli.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 30_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('npm run trust', () => {
  it('makes the administrator key, adds and revokes an approver, and writes a list a tablet verifies', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trust-cli-'));
    const adminFile = join(dir, 'admin-key.json');
    const listFile = join(dir, 'trust-list.json');
    const made = trust('init-admin', '--out', adminFile, '--network', 'North cardiac network');
    expect(made.code).toBe(0);
    const adminId = /Administrator key (k1-[0-9a-f]{32})/.exec(made.out)![1]!;
    expect(trust('init-admin', '--out', adminFile).code).toBe(1);

    const approver = await generateSigningKey();
    writeFileSync(join(dir, 'approver.json'), JSON.stringify(approver.publicJwk));
    const added = trust('add', '--list', listFile, '--admin', adminFile, '--name', 'Dr A Approver', '--person', 'a-approver', '--role', 'approver', '--key', join(dir, 'approver.json'));
    expect(added.err).toBe('');
    expect(added.out).toMatch(/sequence 1, 1 keys in force/);
    const first = await verifyTrustList(JSON.parse(readFileSync(listFile, 'utf8')), adminId);
    expect(first.ok && first.list.entries.map((e) => [e.keyId, e.roles, e.revokedAt])).toEqual([[approver.keyId, ['approver'], null]]);
    expect(trust('add', '--list', listFile, '--admin', adminFile, '--name', 'X', '--person', 'x', '--role', 'boss', '--key', join(dir, 'approver.json')).code).toBe(1);

    expect(trust('revoke', '--list', listFile, '--admin', adminFile, '--key', approver.keyId, '--reason', 'Tablet lost').code).toBe(0);
    const second = await verifyTrustList(JSON.parse(readFileSync(listFile, 'utf8')), adminId, 1);
    expect(second.ok && second.list.sequence).toBe(2);
    expect(second.ok && second.list.entries[0]!.revokedReason).toBe('Tablet lost');
    expect(trust('show', '--list', listFile, '--admin-id', adminId).out).toMatch(/REVOKED .*Tablet lost/);

    // Another administrator key cannot vouch for the list, and an edited list no longer verifies.
    const other = await generateSigningKey();
    expect(trust('show', '--list', listFile, '--admin-id', other.keyId).code).toBe(1);
    writeFileSync(listFile, readFileSync(listFile, 'utf8').replace('Dr A Approver', 'Dr Z Forger'));
    expect(trust('show', '--list', listFile, '--admin-id', adminId).code).toBe(1);
  });

  it('takes the public key file a tablet saves in Settings (cdc-public-key/1)', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trust-cli-'));
    const adminFile = join(dir, 'admin-key.json');
    const listFile = join(dir, 'trust-list.json');
    const adminId = /Administrator key (k1-[0-9a-f]{32})/.exec(trust('init-admin', '--out', adminFile).out)![1]!;
    const key = await generateSigningKey(false);
    writeFileSync(join(dir, 'from-tablet.json'), publicKeyFile({ keyId: key.keyId, name: 'Dr B Approver', privateKey: key.privateKey, publicJwk: key.publicJwk, createdAt: 0 }));
    const added = trust('add', '--list', listFile, '--admin', adminFile, '--name', 'Dr B Approver', '--person', 'b-approver', '--role', 'approver', '--key', join(dir, 'from-tablet.json'));
    expect(added.err).toBe('');
    const list = await verifyTrustList(JSON.parse(readFileSync(listFile, 'utf8')), adminId);
    expect(list.ok && list.list.entries.map((e) => e.keyId)).toEqual([key.keyId]);
  });
});
