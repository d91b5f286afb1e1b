// `npm run trust -- <command>`: the network administrator's tools for the trust list.
//   init-admin --out admin-key.json [--network NAME]       makes the administrator key pair (keep the file offline:
//                                                           it holds the private key) and prints the key id tablets pin
//   add --list trust-list.json --admin admin-key.json --name NAME --person ID --role approver[,author,reviewer]
//       --key public-key.json [--until YYYY-MM-DD] [--two-person-rule on|off]
//                                                           adds a person's public key, signs the list again (next sequence)
//   revoke --list trust-list.json --admin admin-key.json --key KEYID --reason TEXT
//   show --list trust-list.json --admin-id KEYID           verifies the list against the pinned key id and prints it
// The list file is the signed trust list (cdc-signed-trust-list/1) a tablet imports or pulls from cdc-network.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import {
  generateSigningKey, isPublicKeyJwk, keyIdOf, signTrustList, verifyTrustList, SIGNING_ALGORITHM, TRUST_LIST_FORMAT,
  type PublicKeyJwk, type SignerRole, type TrustList,
} from '../src/engine/trust';

const ADMIN_KEY_FORMAT = 'cdc-admin-key/1';
const ROLES: readonly SignerRole[] = ['author', 'reviewer', 'approver'];

function flags(args: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i]?.replace(/^--/, '');
    const value = args[i + 1];
    if (!name || value === undefined) throw new Error(`--${name ?? ''} needs a value`);
    out.set(name, value);
  }
  return out;
}

const need = (options: Map<string, string>, name: string): string => {
  const value = options.get(name);
  if (!value) throw new Error(`--${name} is required`);
  return value;
};

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

async function loadAdmin(file: string): Promise<{ privateKey: CryptoKey; publicJwk: PublicKeyJwk; keyId: string; network: string }> {
  const value = readJson(file) as { format?: string; privateJwk?: JsonWebKey; publicJwk?: unknown; network?: string };
  if (value.format !== ADMIN_KEY_FORMAT || !value.privateJwk || !isPublicKeyJwk(value.publicJwk)) throw new Error(`${file} is not an administrator key file (${ADMIN_KEY_FORMAT})`);
  const privateKey = await globalThis.crypto.subtle.importKey('jwk', value.privateJwk, SIGNING_ALGORITHM, false, ['sign']);
  return { privateKey, publicJwk: value.publicJwk, keyId: await keyIdOf(value.publicJwk), network: value.network ?? 'Cardiac network' };
}

/** The list held in the file, checked against the administrator's own key; a new one when the file does not exist yet. */
async function loadList(file: string, admin: { keyId: string; network: string }): Promise<TrustList> {
  if (!existsSync(file)) {
    return { format: TRUST_LIST_FORMAT, network: admin.network, sequence: 0, issuedAt: new Date().toISOString(), twoPersonRule: true, entries: [] };
  }
  const check = await verifyTrustList(readJson(file), admin.keyId);
  if (!check.ok) throw new Error(`${file} does not verify with this administrator key: ${check.reason}`);
  return check.list;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const options = flags(rest);
  if (command === 'init-admin') {
    const out = need(options, 'out');
    if (existsSync(out)) throw new Error(`${out} exists: an administrator key is made once (tablets pin it)`);
    const key = await generateSigningKey(true);
    const privateJwk = await globalThis.crypto.subtle.exportKey('jwk', key.privateKey);
    writeFileSync(out, `${JSON.stringify({ format: ADMIN_KEY_FORMAT, keyId: key.keyId, network: options.get('network') ?? 'Cardiac network', publicJwk: key.publicJwk, privateJwk }, null, 2)}\n`, { mode: 0o600 });
    chmodSync(out, 0o600);
    writeFileSync(out.replace(/\.json$/, '') + '.public.json', `${JSON.stringify(key.publicJwk, null, 2)}\n`);
    console.log(`Administrator key ${key.keyId} written to ${out} (private: keep it offline).`);
    console.log(`Public key for enrolment codes: ${out.replace(/\.json$/, '')}.public.json (npm run network -- enrol --admin-key ...).`);
    return 0;
  }
  if (command === 'add' || command === 'revoke') {
    const listFile = need(options, 'list');
    const admin = await loadAdmin(need(options, 'admin'));
    const list = await loadList(listFile, admin);
    let entries = list.entries;
    if (command === 'add') {
      // A tablet's "Save public key file" (cdc-public-key/1, the JWK under publicKey) or a bare JWK.
      const keyFile = readJson(need(options, 'key')) as { format?: unknown; publicKey?: unknown };
      const publicKey = keyFile?.format === 'cdc-public-key/1' ? keyFile.publicKey : keyFile;
      if (!isPublicKeyJwk(publicKey)) throw new Error('--key must be a public key file (an ECDSA P-256 JWK) exported from the approver\'s tablet');
      const roles = need(options, 'role').split(',').map((role) => role.trim()) as SignerRole[];
      if (roles.some((role) => !ROLES.includes(role))) throw new Error(`--role must be among ${ROLES.join(', ')}`);
      const keyId = await keyIdOf(publicKey);
      if (entries.some((entry) => entry.keyId === keyId)) throw new Error(`key ${keyId} is already on the list`);
      const until = options.get('until');
      entries = [...entries, {
        keyId, personId: need(options, 'person'), name: need(options, 'name'), roles, publicKey,
        validFrom: new Date().toISOString(), validUntil: until ? new Date(`${until}T23:59:59Z`).toISOString() : new Date(Date.now() + 2 * 365 * 86_400_000).toISOString(),
        revokedAt: null,
      }];
    } else {
      const keyId = need(options, 'key');
      if (!entries.some((entry) => entry.keyId === keyId)) throw new Error(`key ${keyId} is not on the list`);
      entries = entries.map((entry) => (entry.keyId === keyId ? { ...entry, revokedAt: new Date().toISOString(), revokedReason: need(options, 'reason') } : entry));
    }
    const rule = options.get('two-person-rule');
    const next: TrustList = { ...list, sequence: list.sequence + 1, issuedAt: new Date().toISOString(), entries, twoPersonRule: rule === undefined ? list.twoPersonRule : rule === 'on' };
    writeFileSync(listFile, `${JSON.stringify(await signTrustList(next, admin), null, 2)}\n`);
    console.log(`Trust list ${listFile}: sequence ${next.sequence}, ${entries.filter((e) => !e.revokedAt).length} keys in force, signed by ${admin.keyId}.`);
    return 0;
  }
  if (command === 'show') {
    const check = await verifyTrustList(readJson(need(options, 'list')), need(options, 'admin-id'));
    if (!check.ok) {
      console.error(`trust: the list does not verify: ${check.reason}`);
      return 1;
    }
    console.log(`${check.list.network}: sequence ${check.list.sequence}, issued ${check.list.issuedAt}, two-person rule ${check.list.twoPersonRule ? 'on' : 'off'}`);
    for (const e of check.list.entries) console.log(`  ${e.keyId}  ${e.name} (${e.personId})  ${e.roles.join(', ')}  until ${e.validUntil.slice(0, 10)}${e.revokedAt ? `  REVOKED ${e.revokedAt.slice(0, 10)}: ${e.revokedReason ?? ''}` : ''}`);
    return 0;
  }
  console.error('usage: npm run trust -- init-admin | add | revoke | show (see scripts/trust-cli.ts)');
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`trust: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
