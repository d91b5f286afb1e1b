// Reads `--name value` options (repeatable) for the network command lines.

export type Options = Map<string, string[]>;

export function readOptions(args: readonly string[], known: readonly string[], flags: readonly string[] = []): Options {
  const options: Options = new Map();
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) throw new Error(`Unexpected "${arg}".`);
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (flags.includes(name)) {
      options.set(name, ['true']);
      continue;
    }
    if (!known.includes(name)) throw new Error(`Unknown option --${name}.`);
    const value = inline ?? args[++i];
    if (value === undefined) throw new Error(`--${name} needs a value.`);
    options.set(name, [...(options.get(name) ?? []), value]);
  }
  return options;
}

export function one(options: Options, name: string, fallback?: string): string {
  const value = options.get(name)?.at(-1) ?? fallback;
  if (value === undefined) throw new Error(`--${name} is required.`);
  return value;
}

/** The admin URL: --url, else COUCHDB_URL. */
export function serverUrl(options: Options): string {
  const url = options.get('url')?.at(-1) ?? process.env.COUCHDB_URL;
  if (!url) throw new Error('--url is required (or set COUCHDB_URL), e.g. --url http://admin:password@127.0.0.1:5984');
  return url;
}
