// Enrolment: the code's format, the one-time password replaced by the
// tablet's own secret (so the code is spent), roles checked, and the secret
// kept only in the settings table, never shown.
import { describe, expect, it } from 'vitest';
import {
  checkDeviceCredentials, enrolWithCode, EnrolmentError, parseEnrolmentCode, readCredentials, readIdentity, type EnrolmentCode,
} from '../../../src/db/sync';
import { freshDb } from '../logFixtures';
import { readTrust } from '../../../src/db/library';
import { generateSigningKey } from '../../../src/engine';

const encode = (value: unknown) => `cdc1.${Buffer.from(JSON.stringify(value)).toString('base64url')}`;
const issued: EnrolmentCode = { url: 'https://network.test', user: 'device-00112233aabbccdd', password: 'one-time-secret-123', site: 'leeds-cdc' };

/** A stand-in for CouchDB's _session and _users endpoints, with one device account. */
function fakeCouch(roles = ['device', 'site:leeds-cdc']) {
  const account = { _id: `org.couchdb.user:${issued.user}`, _rev: '1-a', name: issued.user, type: 'user', roles, password_scheme: 'pbkdf2', derived_key: 'x', salt: 'y', iterations: 10 };
  let password = issued.password;
  const puts: Array<Record<string, unknown>> = [];
  const authorised = (init?: RequestInit) => {
    const header = new Headers(init?.headers).get('Authorization') ?? '';
    const [user, pass] = Buffer.from(header.replace(/^Basic /, ''), 'base64').toString().split(':');
    return user === issued.user && pass === password;
  };
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    if (!authorised(init)) return new Response('{"error":"unauthorized"}', { status: 401 });
    if (url === `${issued.url}/_session`) return Response.json({ ok: true, userCtx: { name: issued.user, roles } });
    if (url === `${issued.url}/_users/${encodeURIComponent(account._id)}`) {
      if (init?.method === 'PUT') {
        const body = JSON.parse(String(init.body)) as Record<string, unknown>;
        puts.push(body);
        password = String(body.password);
        return Response.json({ ok: true }, { status: 201 });
      }
      return Response.json(account);
    }
    return new Response('{}', { status: 404 });
  };
  return { fetch: fetch as typeof globalThis.fetch, puts, password: () => password };
}

describe('the enrolment code', () => {
  it('reads a code as printed, with spaces and line breaks, and refuses damaged ones in plain words', () => {
    const code = encode(issued);
    expect(parseEnrolmentCode(`${code.slice(0, 20)}\n  ${code.slice(20)}`)).toEqual({ ok: true, code: issued });
    expect(parseEnrolmentCode('hello')).toMatchObject({ ok: false, problem: expect.stringMatching(/starts with "cdc1\."/) });
    expect(parseEnrolmentCode(code.slice(0, 30))).toMatchObject({ ok: false });
    expect(parseEnrolmentCode(encode({ ...issued, site: 'Leeds CDC' }))).toMatchObject({ ok: false });
    expect(parseEnrolmentCode(encode({ ...issued, url: 'https://admin:pw@network.test' }))).toMatchObject({ ok: false });
  });

  it('checks typed device credentials field by field', () => {
    expect(checkDeviceCredentials({ ...issued, url: 'network' })).toMatchObject({ ok: false, problem: expect.stringMatching(/web address/) });
    expect(checkDeviceCredentials({ ...issued, site: 'Leeds' })).toMatchObject({ ok: false, problem: expect.stringMatching(/site id/) });
    expect(checkDeviceCredentials({ ...issued, url: 'https://network.test/' })).toEqual({ ok: true, code: issued });
  });
});

describe('enrolling with a code', () => {
  it('replaces the one-time password by a secret only the tablet holds, so the code cannot be used again', async () => {
    const db = freshDb();
    const couch = fakeCouch();
    const identity = await enrolWithCode(issued, { db, fetch: couch.fetch, now: () => 1000 });
    expect(identity).toEqual({ url: issued.url, user: issued.user, site: 'leeds-cdc', enrolledAt: 1000 });
    expect(couch.puts).toHaveLength(1);
    expect(couch.puts[0]).toMatchObject({ name: issued.user, roles: ['device', 'site:leeds-cdc'] });
    expect(couch.puts[0]).not.toHaveProperty('derived_key');
    const stored = await readCredentials(db);
    expect(stored?.secret).toBe(couch.password());
    expect(stored?.secret).not.toBe(issued.password);
    expect(stored?.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await readIdentity(db))).not.toContain(stored!.secret);
    await expect(enrolWithCode(issued, { db: freshDb(), fetch: couch.fetch })).rejects.toThrow(/already been used|withdrawn/);
  });

  it('asks the server on every call not to answer a refused login with a Basic challenge (a browser sign-in box)', async () => {
    const couch = fakeCouch();
    const sent: Headers[] = [];
    const watching = ((input: RequestInfo | URL, init?: RequestInit) => {
      sent.push(new Headers(init?.headers));
      return couch.fetch(input, init);
    }) as typeof globalThis.fetch;
    await enrolWithCode(issued, { db: freshDb(), fetch: watching });
    expect(sent.length).toBeGreaterThan(1);
    for (const headers of sent) expect(headers.get('X-CouchDB-WWW-Authenticate')).toBe('Cookie');
  });

  it('pins the network administrator key the code carries, and refuses a tablet already pinned to another network', async () => {
    const admin = await generateSigningKey();
    const db = freshDb();
    const code = parseEnrolmentCode(encode({ ...issued, adminKey: admin.publicJwk }));
    expect(code.ok).toBe(true);
    if (!code.ok) return;
    await enrolWithCode(code.code, { db, fetch: fakeCouch().fetch });
    expect((await readTrust(db)).adminKeyId).toBe(admin.keyId);

    const other = await generateSigningKey();
    const again = parseEnrolmentCode(encode({ ...issued, adminKey: other.publicJwk }));
    if (!again.ok) throw new Error('code');
    const couch = fakeCouch();
    await expect(enrolWithCode(again.code, { db, fetch: couch.fetch })).rejects.toMatchObject({ userMessage: expect.stringMatching(/another network administrator key/) });
    // Refused before the one-time password was spent.
    expect(couch.puts).toEqual([]);
    expect(parseEnrolmentCode(encode({ ...issued, adminKey: { kty: 'EC', crv: 'P-256', x: 'short', y: 'short' } }))).toMatchObject({ ok: false });
  });

  it('refuses an account that is not a device of the code\'s site, and keeps nothing', async () => {
    const db = freshDb();
    const error = await enrolWithCode(issued, { db, fetch: fakeCouch(['device', 'site:york-cdc']).fetch }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EnrolmentError);
    expect((error as EnrolmentError).userMessage).toMatch(/not a device of site "leeds-cdc"/);
    expect(await readCredentials(db)).toBeNull();
  });

  it('says the server cannot be reached when the network is down, and keeps nothing', async () => {
    const db = freshDb();
    const down = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof globalThis.fetch;
    await expect(enrolWithCode(issued, { db, fetch: down })).rejects.toThrow(/Could not reach the network server/);
    expect(await readCredentials(db)).toBeNull();
  });
});
