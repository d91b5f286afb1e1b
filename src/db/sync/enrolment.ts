// Enrolment: the tablet logs in with the one-time code's account, replaces the
// one-time password by a fresh random secret only it knows (so the printed
// code is spent), checks the account's roles, and keeps the new secret. Plain
// HTTP calls to CouchDB's documented _users and _session endpoints: this is
// account set-up, not replication.
import { openLogDb, type LogDb } from '../database';
import { pinAdminKey } from '../library';
import { NO_LOGIN_PROMPT_HEADERS } from './networkNames';
import { forgetCredentials, writeCredentials, type EnrolmentCode, type NetworkIdentity } from './networkCredentials';

export type Fetch = typeof globalThis.fetch;

export class EnrolmentError extends Error {
  constructor(readonly userMessage: string) {
    super(userMessage);
    this.name = 'EnrolmentError';
  }
}

const basic = (user: string, password: string): string => `Basic ${btoa(unescape(encodeURIComponent(`${user}:${password}`)))}`;

/** 32 random bytes as hex: the device's own password, never shown. */
export function newDeviceSecret(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function call(fetchFn: Fetch, url: string, init: RequestInit, what: string): Promise<Response> {
  try {
    return await fetchFn(url, { ...init, headers: { ...NO_LOGIN_PROMPT_HEADERS, ...(init.headers as Record<string, string>) }, credentials: 'omit', cache: 'no-store' });
  } catch {
    throw new EnrolmentError(`Could not reach the network server ${what}. Check the server address and that this tablet is online, then try again.`);
  }
}

async function rolesOf(fetchFn: Fetch, code: EnrolmentCode, password: string): Promise<string[]> {
  const response = await call(fetchFn, `${code.url}/_session`, { headers: { Authorization: basic(code.user, password), Accept: 'application/json' } }, 'to sign in');
  if (response.status === 401 || response.status === 403) {
    throw new EnrolmentError('The network server did not accept these details. The code may already have been used, or the device was withdrawn: ask the network administrator for a new one.');
  }
  if (!response.ok) throw new EnrolmentError(`The network server answered with an error (${response.status}). Try again later.`);
  const body = (await response.json().catch(() => null)) as { userCtx?: { name?: unknown; roles?: unknown } } | null;
  const roles = body?.userCtx?.roles;
  if (body?.userCtx?.name !== code.user || !Array.isArray(roles)) throw new EnrolmentError('The network server did not sign this device in. Ask the network administrator to check the account.');
  return roles.filter((role): role is string => typeof role === 'string');
}

function checkRoles(roles: string[], site: string): void {
  if (!roles.includes('device') || !roles.includes(`site:${site}`)) {
    throw new EnrolmentError(`This account is not a device of site "${site}" on the network. Ask the network administrator for a device code for this site.`);
  }
}

/**
 * CouchDB takes a changed password into its authentication cache a moment
 * after the write is acknowledged: the new secret is checked a few times,
 * a short while apart (bounded: about 5 s), before the tablet gives up.
 */
async function newPasswordRoles(fetchFn: Fetch, code: EnrolmentCode, secret: string): Promise<string[]> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await rolesOf(fetchFn, code, secret);
    } catch (error) {
      if (attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

export interface EnrolOptions {
  db?: LogDb;
  fetch?: Fetch;
  now?: () => number;
}

/** Spends a one-time enrolment code: on success this tablet holds its own secret and the code no longer works. */
export async function enrolWithCode(code: EnrolmentCode, options: EnrolOptions = {}): Promise<NetworkIdentity> {
  const db = options.db ?? openLogDb();
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  const enrolledAt = (options.now ?? Date.now)();
  checkRoles(await rolesOf(fetchFn, code, code.password), code.site);
  // The trust anchor first: a tablet already pinned to another network's administrator is refused before the code is spent.
  if (code.adminKey) await pinAdminKey(code.adminKey, db);
  const userUrl = `${code.url}/_users/${encodeURIComponent(`org.couchdb.user:${code.user}`)}`;
  const auth = { Authorization: basic(code.user, code.password), Accept: 'application/json' };
  const read = await call(fetchFn, userUrl, { headers: auth }, 'to read the device account');
  if (!read.ok) throw new EnrolmentError(`The device account could not be read (server answered ${read.status}). Ask the network administrator to check it.`);
  const account = (await read.json()) as Record<string, unknown>;
  const secret = newDeviceSecret();
  // Kept before the change, so a tablet that loses power mid-enrolment still knows the password it set.
  await writeCredentials({ url: code.url, user: code.user, secret, site: code.site, enrolledAt, pending: true }, db);
  const { password: _old, password_scheme: _s, derived_key: _d, salt: _salt, iterations: _i, ...rest } = account;
  const changed = await call(fetchFn, userUrl, {
    method: 'PUT',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...rest, password: secret }),
  }, 'to secure the device account').catch(async (error: unknown) => {
    await forgetCredentials(db);
    throw error;
  });
  if (!changed.ok) {
    await forgetCredentials(db);
    throw new EnrolmentError(`The device account could not be secured (server answered ${changed.status}). The code was not used up; try again.`);
  }
  checkRoles(await newPasswordRoles(fetchFn, code, secret), code.site);
  await writeCredentials({ url: code.url, user: code.user, secret, site: code.site, enrolledAt, pending: false }, db);
  return { url: code.url, user: code.user, site: code.site, enrolledAt };
}

/** Device credentials typed in as issued (no code): checked against the server, then kept as they are. */
export async function enrolWithCredentials(code: EnrolmentCode, options: EnrolOptions = {}): Promise<NetworkIdentity> {
  const db = options.db ?? openLogDb();
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  const enrolledAt = (options.now ?? Date.now)();
  checkRoles(await rolesOf(fetchFn, code, code.password), code.site);
  await writeCredentials({ url: code.url, user: code.user, secret: code.password, site: code.site, enrolledAt, pending: false }, db);
  return { url: code.url, user: code.user, site: code.site, enrolledAt };
}

/** Signs a person in (an author or a governance lead) and checks they hold `role`; the password is not kept. */
export async function checkPersonSignIn(url: string, user: string, password: string, role: 'author' | 'governance', fetchFn: Fetch = globalThis.fetch.bind(globalThis)): Promise<void> {
  const response = await call(fetchFn, `${url.replace(/\/+$/, '')}/_session`, { headers: { Authorization: basic(user, password), Accept: 'application/json' } }, 'to sign in');
  if (response.status === 401 || response.status === 403) throw new EnrolmentError('The network server did not accept this name and password.');
  if (!response.ok) throw new EnrolmentError(`The network server answered with an error (${response.status}). Try again later.`);
  const body = (await response.json().catch(() => null)) as { userCtx?: { roles?: unknown } } | null;
  const roles = Array.isArray(body?.userCtx?.roles) ? (body!.userCtx!.roles as unknown[]) : [];
  if (!roles.includes(role)) throw new EnrolmentError(role === 'governance' ? 'This account is not a governance account of the network.' : 'This account is not an SOP author of the network.');
}
