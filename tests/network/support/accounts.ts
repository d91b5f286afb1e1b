// Accounts for the network tests, made the way the network admin makes them
// (provision.ts) and used the way a tablet uses them (the enrolment code, then a
// password change that spends it).
import { randomBytes } from 'node:crypto';
import { couchClient, parseCouchUrl, type CouchClient } from '../../../scripts/network/couchHttp';
import { addPerson, decodeEnrolment, enrolDevice, provision } from '../../../scripts/network/provision';
import type { Tablet } from '../../../scripts/network/simulatedEpisodes';

export interface Account {
  user: string;
  password: string;
  couch: CouchClient;
}

export interface EnrolledTablet extends Account, Tablet {}

/** A unique site id per test file, so files sharing one server never see each other's data. */
export function uniqueSite(prefix: string): string {
  return `${prefix}-${randomBytes(3).toString('hex')}`;
}

export async function setUpSites(adminUrl: string, ...siteIds: string[]): Promise<void> {
  await provision(adminUrl, { sites: siteIds.map((siteId) => ({ siteId, name: `Test ${siteId}` })) });
}

/** Enrols a tablet and, as the app does, spends the code by changing its own password. */
export async function enrolTablet(adminUrl: string, siteId: string): Promise<EnrolledTablet & { code: string }> {
  const { user, code } = await enrolDevice(adminUrl, siteId);
  const enrolment = decodeEnrolment(code);
  const first = couchClient(enrolment.url, { user: enrolment.user, password: enrolment.password });
  const own = await first.request('GET', `/_users/${encodeURIComponent(`org.couchdb.user:${user}`)}`);
  if (own.status !== 200) throw new Error(`The tablet could not read its own account (${own.status}).`);
  const password = randomBytes(24).toString('base64url');
  const changed = await first.request('PUT', `/_users/${encodeURIComponent(`org.couchdb.user:${user}`)}`, { ...own.body, password });
  if (changed.status !== 201 && changed.status !== 202) throw new Error(`The tablet could not change its password (${changed.status}).`);
  return { user, password, code, couch: couchClient(enrolment.url, { user, password }), siteId, deviceId: `tablet-${user.slice(7, 13)}`, account: user };
}

export async function person(adminUrl: string, role: 'author' | 'governance'): Promise<Account> {
  const user = `${role}-${randomBytes(4).toString('hex')}`;
  const password = randomBytes(18).toString('base64url');
  await addPerson(adminUrl, user, role, password);
  return { user, password, couch: couchClient(parseCouchUrl(adminUrl).base, { user, password }) };
}

export function anonymous(adminUrl: string): CouchClient {
  return couchClient(parseCouchUrl(adminUrl).base, { user: '', password: '' });
}
