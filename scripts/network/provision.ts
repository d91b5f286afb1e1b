// Provisions any Apache CouchDB 3 for the network, idempotently: the network,
// library and log databases, their _security (who may read) and their
// validate_doc_update guards (who may write what), the server settings
// (require_valid_user, CORS for the app's origins), and the accounts: tablets
// (`device-<16 hex>`, roles device + site:<id>) and people (author, governance).
// Every function takes an admin URL (credentials inside) and says what it did.
import { randomBytes } from 'node:crypto';
import { couchClient, expectStatus, parseCouchUrl, type CouchClient } from './couchHttp';
import { checkSiteId, GUARD_DDOC, DEVICE_USER, libraryDb, logDb, NETWORK_DB, PERSON_NAME, siteRole } from './names';
import { GUARD_VERSION, libraryGuard, logGuard, networkGuard } from './guards';

export interface Site {
  siteId: string;
  name: string;
}

export interface ProvisionOptions {
  sites: Site[];
  /** Origins the app is served from (CORS), e.g. https://escalate.trust.nhs.uk */
  origins?: string[];
}

// x-couchdb-www-authenticate: the app asks CouchDB not to answer a refused login with "Basic" (a browser sign-in box).
const CORS_HEADERS = 'accept, authorization, content-type, origin, referer, x-couchdb-www-authenticate';
const CORS_METHODS = 'GET, PUT, POST, HEAD, DELETE';

const enc = encodeURIComponent;

async function ensureDatabase(couch: CouchClient, name: string, said: string[]): Promise<void> {
  const head = await couch.request('GET', `/${enc(name)}`);
  if (head.status === 200) return;
  expectStatus(head, [404], `Reading database ${name}`);
  const created = await couch.request('PUT', `/${enc(name)}`);
  expectStatus(created, [201, 202, 412], `Creating database ${name}`);
  said.push(`created database ${name}`);
}

function sameSet(a: readonly string[] | undefined, b: readonly string[]): boolean {
  const left = [...(a ?? [])].sort();
  const right = [...b].sort();
  return left.length === right.length && left.every((item, i) => item === right[i]);
}

async function ensureSecurity(couch: CouchClient, db: string, memberRoles: string[], said: string[]): Promise<void> {
  const current = await couch.request('GET', `/${enc(db)}/_security`);
  expectStatus(current, [200], `Reading _security of ${db}`);
  const members = current.body?.members ?? {};
  const admins = current.body?.admins ?? {};
  // '_admin' as a database admin role only restates that server admins administer every database
  const adminRoles = (admins.roles ?? []).filter((role: string) => role !== '_admin');
  if (sameSet(members.roles, memberRoles) && sameSet(members.names, []) && sameSet(adminRoles, []) && sameSet(admins.names, [])) return;
  const wanted = { admins: { names: [], roles: [] }, members: { names: [], roles: memberRoles } };
  expectStatus(await couch.request('PUT', `/${enc(db)}/_security`, wanted), [200], `Setting _security of ${db}`);
  said.push(`set _security of ${db}: readers ${memberRoles.join(', ')}; admins: server admins only`);
}

async function ensureGuard(couch: CouchClient, db: string, source: string, said: string[]): Promise<void> {
  const current = await couch.request('GET', `/${enc(db)}/${GUARD_DDOC}`);
  expectStatus(current, [200, 404], `Reading ${GUARD_DDOC} of ${db}`);
  if (current.status === 200 && current.body.validate_doc_update === source && current.body.guardVersion === GUARD_VERSION) return;
  const doc: Record<string, unknown> = { _id: GUARD_DDOC, language: 'javascript', guardVersion: GUARD_VERSION, validate_doc_update: source };
  if (current.status === 200) doc._rev = current.body._rev;
  expectStatus(await couch.request('PUT', `/${enc(db)}/${GUARD_DDOC}`, doc), [201, 202], `Writing ${GUARD_DDOC} of ${db}`);
  said.push(`${current.status === 200 ? 'updated' : 'wrote'} validate_doc_update of ${db}`);
}

async function nodes(couch: CouchClient): Promise<string[]> {
  const membership = await couch.request('GET', '/_membership');
  expectStatus(membership, [200], 'Reading the cluster membership');
  return membership.body.all_nodes as string[];
}

async function ensureConfig(couch: CouchClient, node: string, section: string, key: string, value: string, said: string[]): Promise<void> {
  const path = `/_node/${enc(node)}/_config/${enc(section)}/${enc(key)}`;
  const current = await couch.request('GET', path);
  if (current.status === 200 && current.body === value) return;
  expectStatus(current, [200, 404], `Reading config ${section}/${key}`);
  expectStatus(await couch.request('PUT', path, value), [200], `Setting config ${section}/${key}`);
  said.push(`set config [${section}] ${key} = ${value} on ${node}`);
}

function checkOrigin(origin: string): string {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    throw new Error(`"${origin}" is not an origin (expected e.g. https://escalate.example.nhs.uk).`);
  }
  if (parsed.origin !== origin.replace(/\/+$/, '')) throw new Error(`"${origin}" is not an origin: give scheme, host and port only, e.g. ${parsed.origin}.`);
  return parsed.origin;
}

async function ensureSiteDoc(couch: CouchClient, site: Site, said: string[]): Promise<void> {
  const path = `/${NETWORK_DB}/${enc(`site:${site.siteId}`)}`;
  const current = await couch.request('GET', path);
  expectStatus(current, [200, 404], `Reading site ${site.siteId}`);
  if (current.status === 200 && current.body.name === site.name && current.body.type === 'site') return;
  const doc: Record<string, unknown> = { _id: `site:${site.siteId}`, type: 'site', siteId: site.siteId, name: site.name };
  if (current.status === 200) doc._rev = current.body._rev;
  expectStatus(await couch.request('PUT', path, doc), [201, 202], `Writing site ${site.siteId}`);
  said.push(`${current.status === 200 ? 'renamed' : 'added'} site ${site.siteId} (${site.name})`);
}

/** Sets the server up for the given sites; returns the lines saying what changed (or that nothing did). */
export async function provision(adminUrl: string, options: ProvisionOptions): Promise<string[]> {
  const couch = couchClient(adminUrl);
  const said: string[] = [];
  const sites = options.sites.map((site) => {
    checkSiteId(site.siteId);
    if (!site.name.trim()) throw new Error(`Site ${site.siteId} needs a name (--site ${site.siteId}:"Leeds CDC").`);
    return { siteId: site.siteId, name: site.name.trim() };
  });
  const origins = (options.origins ?? []).map(checkOrigin);
  const welcome = await couch.request('GET', '/');
  expectStatus(welcome, [200], `Reaching CouchDB at ${couch.base}`);
  if (!String(welcome.body?.version ?? '').startsWith('3.')) throw new Error(`The server at ${couch.base} is not Apache CouchDB 3 (version ${welcome.body?.version ?? 'unknown'}).`);
  const session = await couch.request('GET', '/_session');
  if (!(session.body?.userCtx?.roles ?? []).includes('_admin')) throw new Error(`Setup needs a server admin: ${couch.user || 'anonymous'} is not one. Give an admin URL, e.g. http://admin:password@host:5984.`);

  for (const system of ['_users', '_replicator']) await ensureDatabase(couch, system, said);
  for (const node of await nodes(couch)) {
    await ensureConfig(couch, node, 'chttpd', 'require_valid_user', 'true', said);
    await ensureConfig(couch, node, 'chttpd', 'require_valid_user_except_for_up', 'true', said);
    if (origins.length > 0) {
      const current = await couch.request('GET', `/_node/${enc(node)}/_config/cors/origins`);
      const existing = current.status === 200 && typeof current.body === 'string' ? current.body.split(',').map((o: string) => o.trim()).filter((o: string) => o && o !== '*') : [];
      const merged = [...new Set([...existing, ...origins])].join(', ');
      await ensureConfig(couch, node, 'chttpd', 'enable_cors', 'true', said);
      await ensureConfig(couch, node, 'cors', 'origins', merged, said);
      await ensureConfig(couch, node, 'cors', 'credentials', 'true', said);
      await ensureConfig(couch, node, 'cors', 'methods', CORS_METHODS, said);
      await ensureConfig(couch, node, 'cors', 'headers', CORS_HEADERS, said);
    }
  }

  // Tablets and people read and update their own _users document (a tablet
  // spends its enrolment code by changing its password); CouchDB 3 creates
  // _users readable by admins only and refuses edits of its _security unless
  // users_db_security_editable is set. Its own guard still lets a non-admin see
  // and change only their own document, and never their roles.
  for (const node of await nodes(couch)) await ensureConfig(couch, node, 'couchdb', 'users_db_security_editable', 'true', said);
  await ensureSecurity(couch, '_users', ['device', 'author', 'governance'], said);

  await ensureDatabase(couch, NETWORK_DB, said);
  await ensureSecurity(couch, NETWORK_DB, ['device', 'author', 'governance'], said);
  await ensureGuard(couch, NETWORK_DB, networkGuard(), said);
  for (const site of sites) {
    await ensureSiteDoc(couch, site, said);
    await ensureDatabase(couch, libraryDb(site.siteId), said);
    await ensureSecurity(couch, libraryDb(site.siteId), [siteRole(site.siteId), 'author', 'governance'], said);
    await ensureGuard(couch, libraryDb(site.siteId), libraryGuard(site.siteId), said);
    await ensureDatabase(couch, logDb(site.siteId), said);
    await ensureSecurity(couch, logDb(site.siteId), [siteRole(site.siteId), 'governance'], said);
    await ensureGuard(couch, logDb(site.siteId), logGuard(site.siteId), said);
  }
  if (said.length === 0) said.push(`Nothing to change: ${couch.base} is already set up for ${sites.map((s) => s.siteId).join(', ') || 'the network'}.`);
  return said;
}

function secret(): string {
  return randomBytes(24).toString('base64url');
}

async function putUser(couch: CouchClient, name: string, roles: string[], password: string): Promise<'created' | 'updated'> {
  const path = `/_users/${enc(`org.couchdb.user:${name}`)}`;
  const current = await couch.request('GET', path);
  expectStatus(current, [200, 404], `Reading account ${name}`);
  const doc: Record<string, unknown> = { _id: `org.couchdb.user:${name}`, name, type: 'user', roles, password };
  if (current.status === 200) doc._rev = current.body._rev;
  expectStatus(await couch.request('PUT', path, doc), [201, 202], `Writing account ${name}`);
  return current.status === 200 ? 'updated' : 'created';
}

export interface EnrolOptions {
  /** The URL the tablets reach the server at (through the trust's TLS proxy); defaults to the admin URL without its credentials. */
  publicUrl?: string;
  /** The network administrator's public key (JWK) the tablet pins at enrolment: its trust anchor for the signed trust list. */
  adminKey?: { kty: 'EC'; crv: 'P-256'; x: string; y: string };
}

export const ENROLMENT_PREFIX = 'cdc1.';

export interface EnrolmentCode {
  url: string;
  user: string;
  password: string;
  site: string;
  adminKey?: { kty: 'EC'; crv: 'P-256'; x: string; y: string };
}

export function encodeEnrolment(code: EnrolmentCode): string {
  return ENROLMENT_PREFIX + Buffer.from(JSON.stringify(code), 'utf8').toString('base64url');
}

export function decodeEnrolment(code: string): EnrolmentCode {
  if (!code.startsWith(ENROLMENT_PREFIX)) throw new Error('Not an enrolment code (it starts with cdc1.).');
  return JSON.parse(Buffer.from(code.slice(ENROLMENT_PREFIX.length), 'base64url').toString('utf8')) as EnrolmentCode;
}

/** Creates a tablet account for a site with a one-time password; the code carries it to the tablet. */
export async function enrolDevice(adminUrl: string, siteId: string, options: EnrolOptions = {}): Promise<{ user: string; code: string }> {
  checkSiteId(siteId);
  const couch = couchClient(adminUrl);
  const log = await couch.request('GET', `/${logDb(siteId)}`);
  if (log.status === 404) throw new Error(`Site ${siteId} is not set up on ${couch.base}: run \`npm run network -- setup --url URL --site ${siteId}:Name\` first.`);
  expectStatus(log, [200], `Reading ${logDb(siteId)}`);
  const user = `device-${randomBytes(8).toString('hex')}`;
  const password = secret();
  await putUser(couch, user, ['device', siteRole(siteId)], password);
  const url = options.publicUrl ? parseCouchUrl(options.publicUrl).base : couch.base;
  return { user, code: encodeEnrolment({ url, user, password, site: siteId, ...(options.adminKey ? { adminKey: options.adminKey } : {}) }) };
}

/** Creates or updates a person's account (an SOP author or a governance lead). */
export async function addPerson(adminUrl: string, name: string, role: 'author' | 'governance', password: string): Promise<void> {
  if (!PERSON_NAME.test(name) || name.startsWith('device-')) throw new Error(`"${name}" is not a person's account name: lower-case letters, digits, . _ - (and not device-...).`);
  if (role !== 'author' && role !== 'governance') throw new Error(`A person's role is author or governance (got ${String(role)}).`);
  if (typeof password !== 'string' || password.length < 12) throw new Error('A person\'s password must be at least 12 characters.');
  await putUser(couchClient(adminUrl), name, [role], password);
}

/** Deletes a tablet's account: its next request (basic or cookie session) is refused with 401. */
export async function revokeDevice(adminUrl: string, user: string): Promise<void> {
  if (!DEVICE_USER.test(user)) throw new Error(`"${user}" is not a tablet account (device- and 16 hex digits).`);
  const couch = couchClient(adminUrl);
  const path = `/_users/${enc(`org.couchdb.user:${user}`)}`;
  const current = await couch.request('GET', path);
  if (current.status === 404) throw new Error(`No tablet ${user} on ${couch.base} (already revoked?).`);
  expectStatus(current, [200], `Reading account ${user}`);
  expectStatus(await couch.request('DELETE', `${path}?rev=${enc(current.body._rev)}`), [200, 202], `Revoking ${user}`);
}
