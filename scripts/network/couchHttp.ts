// A small HTTP door to a CouchDB server for the network scripts and tests.
// Node's fetch refuses URLs with credentials in them, so the user and password
// of an admin URL (http://admin:secret@host:5984) travel in a Basic header and
// never appear in anything this prints.

export interface CouchResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CouchClient {
  /** The server URL without credentials: safe to print. */
  readonly base: string;
  /** The user the client authenticates as ('' when anonymous). */
  readonly user: string;
  request<T = any>(method: string, path: string, body?: unknown, extraHeaders?: Record<string, string>): Promise<CouchResponse<T>>;
}

export interface CouchCredentials {
  base: string;
  user: string;
  password: string;
}

/** Splits http://user:pass@host:port/ into a base URL without credentials and the credentials. */
export function parseCouchUrl(url: string): CouchCredentials {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`"${url.replace(/\/\/[^@/]*@/, '//***@')}" is not a URL (expected e.g. http://admin:password@127.0.0.1:5984).`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`The server URL must start with http:// or https:// (got ${parsed.protocol}).`);
  const user = decodeURIComponent(parsed.username);
  const password = decodeURIComponent(parsed.password);
  parsed.username = '';
  parsed.password = '';
  return { base: parsed.toString().replace(/\/+$/, ''), user, password };
}

/** The same URL with other credentials (or none when user is ''). */
export function withCredentials(base: string, user: string, password: string): string {
  const parsed = new URL(base);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString().replace(/\/+$/, '');
}

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

export function couchClient(url: string, credentials?: { user: string; password: string }): CouchClient {
  const parsed = parseCouchUrl(url);
  const user = credentials?.user ?? parsed.user;
  const password = credentials?.password ?? parsed.password;
  const auth = user ? basicAuth(user, password) : undefined;
  return {
    base: parsed.base,
    user,
    async request(method, path, body, extraHeaders) {
      const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
      if (auth && !headers.cookie) headers.authorization = auth;
      if (body !== undefined) headers['content-type'] = 'application/json';
      let response: Response;
      try {
        response = await fetch(`${parsed.base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      } catch (error) {
        throw new Error(`CouchDB at ${parsed.base} did not answer (${(error as Error).cause ?? (error as Error).message}).`);
      }
      const text = await response.text();
      let json: unknown = text;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        // not JSON: keep the text (an HTML error page from a proxy, say)
      }
      return { status: response.status, body: json as any, headers: response.headers };
    },
  };
}

/** Throws a readable error unless the status is one of `ok`. */
export function expectStatus(response: CouchResponse, ok: readonly number[], what: string): void {
  if (ok.includes(response.status)) return;
  const reason = response.body && typeof response.body === 'object' ? `${response.body.error ?? ''}: ${response.body.reason ?? ''}` : String(response.body).slice(0, 200);
  if (response.status === 401) throw new Error(`${what}: the server refused the credentials (401 ${reason}). Give an admin URL, e.g. http://admin:password@host:5984.`);
  throw new Error(`${what}: CouchDB answered ${response.status} (${reason}).`);
}
