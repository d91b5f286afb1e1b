// `npm run server`: a CouchDB for one site or a demo, up until Ctrl-C. Uses the
// one at COUCHDB_URL if set, else starts the release in ../shared/couchdb in a
// temporary folder on 127.0.0.1 (deleted on exit), else says how to install one.
// `--site id:Name --origin URL` provisions it; `--demo` provisions two demo sites.
import { readOptions } from './cliArgs';
import { INSTALL_HELP, startCouch } from './couchServer';
import { provision, type Site } from './provision';

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2), ['site', 'origin'], ['demo']);
  let couch;
  try {
    couch = await startCouch();
  } catch (error) {
    console.error((error as Error).message === INSTALL_HELP ? INSTALL_HELP : `Could not start CouchDB: ${(error as Error).message}`);
    process.exit(1);
  }
  const sites: Site[] = (options.get('site') ?? []).map((text) => ({ siteId: text.split(':')[0]!, name: text.split(':').slice(1).join(':') || text }));
  if (options.has('demo') && sites.length === 0) sites.push({ siteId: 'demo-a', name: 'Demo CDC A' }, { siteId: 'demo-b', name: 'Demo CDC B' });
  const origins = options.get('origin') ?? (options.has('demo') ? ['http://localhost:4173', 'http://localhost:5173'] : []);
  if (sites.length > 0 || origins.length > 0) for (const line of await provision(couch.url, { sites, origins })) console.log(line);
  console.log(`CouchDB is up at ${couch.publicBase}${couch.dir ? ` (data in ${couch.dir}, deleted when it stops)` : ''}.`);
  console.log(`Admin URL for this development server (never use such a password in production):\n  ${couch.url}`);
  console.log(`Next: npm run network -- setup --url '${couch.url}' --site leeds-cdc:"Leeds CDC" --origin http://localhost:4173`);
  console.log('Press Ctrl-C to stop.');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await couch.stop();
    console.log('CouchDB stopped.');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  setInterval(() => undefined, 1 << 30);
}

void main();
