// The CouchDB the network scripts, tests and benchmark talk to: the one at
// COUCHDB_URL when set (checked to be up), else the Apache CouchDB 3 release in
// ../shared/couchdb started in a temporary folder on a free 127.0.0.1 port,
// else an error saying how to install Apache CouchDB 3.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { couchClient, parseCouchUrl, withCredentials } from './couchHttp';

export interface RunningCouch {
  /** Admin URL, credentials inside: never print it (use `publicBase`). */
  url: string;
  /** The same URL without credentials. */
  publicBase: string;
  /** The folder of a release this process (or .ci/run) started: lets fault tests kill and restart it. */
  dir?: string;
  port?: number;
  stop(): Promise<void>;
}

export const INSTALL_HELP = `No CouchDB to use. Either:
  - set COUCHDB_URL to a running Apache CouchDB 3 with admin credentials, e.g.
      COUCHDB_URL=http://admin:password@127.0.0.1:5984 npm run server
  - or install Apache CouchDB 3 (https://docs.couchdb.org/en/stable/install/index.html:
    the Debian/Ubuntu package from the Apache CouchDB repository, the official Docker image
    "couchdb:3", or a source build), start it, and set COUCHDB_URL as above;
  - or place the CouchDB 3 release folder (start-couchdb.sh beside the release tarball) at ../shared/couchdb
    or point COUCHDB_RELEASE at it.`;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The folder holding start-couchdb.sh: COUCHDB_RELEASE if set, else shared/couchdb beside the repo or one level up. */
export function findRelease(): string | undefined {
  const candidates = process.env.COUCHDB_RELEASE ? [process.env.COUCHDB_RELEASE] : [join(repoRoot, '..', 'shared', 'couchdb'), join(repoRoot, '..', '..', 'shared', 'couchdb')];
  return candidates.find((dir): dir is string => !!dir && existsSync(join(dir, 'start-couchdb.sh')));
}

function run(file: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile(file, args, { env, timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${file} failed: ${stderr.trim() || error.message}`));
      else resolvePromise(stdout);
    });
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePromise(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitUp(url: string, timeoutMs: number): Promise<void> {
  const couch = couchClient(url);
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    try {
      const answer = await couch.request('GET', '/');
      if (answer.status === 200) return;
      last = `answered ${answer.status}`;
      if (answer.status === 401) throw new Error(`CouchDB at ${couch.base} refused the credentials in COUCHDB_URL (401).`);
    } catch (error) {
      if ((error as Error).message.includes('refused the credentials')) throw error;
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`CouchDB at ${couch.base} is not up (${last}).`);
}

/**
 * Unpacks the release into `dir` (once) and names its Erlang node after the
 * port: two CouchDBs on one machine (another engineer's, CI's) cannot share the
 * release's default node name couchdb@127.0.0.1.
 */
async function unpackRelease(release: string, dir: string, port: number): Promise<void> {
  // a node keeps its name for life: its databases' shard maps name it
  if (existsSync(join(dir, 'couchdb', 'bin', 'couchdb'))) return;
  const tarball = (await readdir(release)).find((name) => /^couchdb-.*\.tar\.gz$/.test(name));
  if (!tarball) throw new Error(`No CouchDB release tarball in ${release}.`);
  await run('tar', ['-xzf', join(release, tarball), '-C', dir]);
  const vmArgs = join(dir, 'couchdb', 'etc', 'vm.args');
  const text = await readFile(vmArgs, 'utf8');
  await writeFile(vmArgs, text.replace(/^-name \S+$/m, `-name couchdb-${port}@127.0.0.1`));
}

/** Starts (or restarts) the release in `dir` on `port`. Returns the admin URL. */
export async function startRelease(release: string, dir: string, port: number, user: string, password: string): Promise<string> {
  await unpackRelease(release, dir, port);
  const out = await run(join(release, 'start-couchdb.sh'), [dir, String(port), user, password], { ...process.env, ERL_EPMD_ADDRESS: '127.0.0.1' });
  const base = /COUCHDB_URL=(\S+)/.exec(out)?.[1];
  if (!base) throw new Error(`start-couchdb.sh printed no URL: ${out}`);
  return withCredentials(base, user, password);
}

/** kill -9 of the CouchDB process group started in `dir` (a crash, for the fault tests). */
export async function killRelease(dir: string): Promise<void> {
  const pid = Number((await readFile(join(dir, 'couchdb.pid'), 'utf8')).trim());
  if (!Number.isInteger(pid) || pid <= 1) throw new Error(`No CouchDB pid in ${dir}.`);
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    process.kill(pid, 'SIGKILL');
  }
  for (let i = 0; i < 100; i += 1) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`CouchDB (pid ${pid}) did not die after kill -9.`);
}

/** Restarts a release killed in `dir`, keeping its data, port and admin; keeps the first start's note on epmd. */
export async function restartRelease(dir: string, url: string): Promise<void> {
  const release = findRelease();
  if (!release) throw new Error(INSTALL_HELP);
  const { user, password, base } = parseCouchUrl(url);
  const note = join(dir, 'epmd-was-running');
  const epmdNote = existsSync(note) ? await readFile(note, 'utf8') : undefined;
  await startRelease(release, dir, Number(new URL(base).port), user, password);
  if (epmdNote !== undefined) await writeFile(note, epmdNote);
}

export async function stopRelease(dir: string): Promise<void> {
  const release = findRelease();
  if (release) await run(join(release, 'stop-couchdb.sh'), [dir]).catch(() => undefined);
}

/** The CouchDB to use (see the file comment). stop() stops only what this call started. */
export async function startCouch(): Promise<RunningCouch> {
  const given = process.env.COUCHDB_URL;
  if (given) {
    await waitUp(given, 10_000);
    const dir = process.env.COUCHDB_DIR && existsSync(join(process.env.COUCHDB_DIR, 'couchdb.pid')) ? process.env.COUCHDB_DIR : undefined;
    const port = Number(new URL(parseCouchUrl(given).base).port) || undefined;
    return { url: given, publicBase: parseCouchUrl(given).base, dir, port, stop: async () => undefined };
  }
  return startLocalCouch();
}

/** The release in ../shared/couchdb started in a new temporary folder on a free 127.0.0.1 port. */
export async function startLocalCouch(): Promise<RunningCouch> {
  const release = findRelease();
  if (!release) throw new Error(INSTALL_HELP);
  const dir = await mkdtemp(join(tmpdir(), 'cdc-couch-'));
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  let url: string;
  try {
    url = await startRelease(release, dir, port, 'admin', password);
    await waitUp(url, 30_000);
  } catch (error) {
    await stopRelease(dir);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  let stopped = false;
  return {
    url,
    publicBase: parseCouchUrl(url).base,
    dir,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await stopRelease(dir);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
