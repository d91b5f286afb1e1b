// The tablet's network credentials: the enrolment code's format, and where the
// device account is kept (the settings table, never a log or an export). The
// secret is only ever read by the sync transport; the UI shows url, site, user.
import * as v from 'valibot';
import { getSetting, putSetting } from '../config';
import { openLogDb, type LogDb } from '../database';
import { SITE_ID } from './networkNames';

export const CREDENTIALS_KEY = 'network.credentials';
export const ENROLMENT_PREFIX = 'cdc1.';

const Url = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(500),
  v.check((text) => {
    try {
      const url = new URL(text);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
    } catch {
      return false;
    }
  }, 'must be a web address such as https://network.example.nhs.uk'),
  v.transform((text) => text.replace(/\/+$/, '')),
);

const Account = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, 'is not a network account name'));
const Secret = v.pipe(v.string(), v.minLength(8), v.maxLength(200));
const Site = v.pipe(v.string(), v.regex(SITE_ID, 'is not a site id'));

/** The network administrator's public key, pinned at enrolment: the anchor the signed trust list is checked against. */
const AdminKey = v.object({ kty: v.literal('EC'), crv: v.literal('P-256'), x: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/)), y: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/)) });
const codeSchema = v.object({ url: Url, user: Account, password: Secret, site: Site, adminKey: v.optional(AdminKey) });

const storedSchema = v.object({
  url: Url,
  user: Account,
  secret: Secret,
  site: Site,
  enrolledAt: v.number(),
  /** Set while the one-time password is being replaced: the secret may not be the server's yet. */
  pending: v.optional(v.boolean(), false),
});

export type NetworkCredentials = v.InferOutput<typeof storedSchema>;
export type EnrolmentCode = v.InferOutput<typeof codeSchema>;

/** What the UI may show of the credentials: never the secret. */
export interface NetworkIdentity {
  url: string;
  user: string;
  site: string;
  enrolledAt: number;
}

function base64UrlDecode(text: string): string | null {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '') + '='.repeat((4 - (text.replace(/=+$/, '').length % 4)) % 4));
    return new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** Reads an enrolment code as typed or pasted (spaces and line breaks from a printout are ignored). */
export function parseEnrolmentCode(input: string): { ok: true; code: EnrolmentCode } | { ok: false; problem: string } {
  const text = input.replace(/\s+/g, '');
  if (!text.startsWith(ENROLMENT_PREFIX)) return { ok: false, problem: `An enrolment code starts with "${ENROLMENT_PREFIX}". Check it was copied whole.` };
  const json = base64UrlDecode(text.slice(ENROLMENT_PREFIX.length));
  let value: unknown;
  try {
    value = json === null ? null : JSON.parse(json);
  } catch {
    value = null;
  }
  if (value === null) return { ok: false, problem: 'This enrolment code is damaged or incomplete. Check it was copied whole.' };
  const parsed = v.safeParse(codeSchema, value);
  if (!parsed.success) return { ok: false, problem: 'This enrolment code is not one the network issues (it was damaged or cut short).' };
  return { ok: true, code: parsed.output };
}

/** Checks typed device credentials; returns the first problem in plain words, or the cleaned values. */
export function checkDeviceCredentials(input: { url: string; user: string; password: string; site: string }): { ok: true; code: EnrolmentCode } | { ok: false; problem: string } {
  const parsed = v.safeParse(codeSchema, { ...input, user: input.user.trim(), site: input.site.trim() });
  if (parsed.success) return { ok: true, code: parsed.output };
  const field = v.getDotPath(parsed.issues[0]!) ?? '';
  const words: Record<string, string> = {
    url: 'The server address must be a web address such as https://network.example.nhs.uk.',
    user: 'The device account is the name the network administrator gave (for example device-1a2b3c4d5e6f7a8b).',
    password: 'The password must be the one the network administrator gave (at least 8 characters).',
    site: 'The site id is lower-case letters, digits and hyphens (for example leeds-cdc).',
  };
  return { ok: false, problem: words[field] ?? 'These credentials are not complete.' };
}

export async function readCredentials(db: LogDb = openLogDb()): Promise<NetworkCredentials | null> {
  const parsed = v.safeParse(storedSchema, await getSetting(CREDENTIALS_KEY, db));
  return parsed.success ? parsed.output : null;
}

export async function readIdentity(db: LogDb = openLogDb()): Promise<NetworkIdentity | null> {
  const stored = await readCredentials(db);
  return stored && !stored.pending ? { url: stored.url, user: stored.user, site: stored.site, enrolledAt: stored.enrolledAt } : null;
}

export function writeCredentials(credentials: NetworkCredentials, db: LogDb = openLogDb()): Promise<void> {
  return putSetting(CREDENTIALS_KEY, credentials, db);
}

export async function forgetCredentials(db: LogDb = openLogDb()): Promise<void> {
  await db.settings.delete(CREDENTIALS_KEY);
}
