// `npm run log -- verify --url URL [--site id ...]`: verifies every episode's
// hash chain in every site log on a CouchDB server with the app's own code and
// reports each break with its episode id. Exit 0: all verify; 1: a break;
// 2: the server could not be read. Admin or governance credentials in the URL.
import { readOptions, serverUrl } from './network/cliArgs';
import { parseCouchUrl } from './network/couchHttp';
import { verifyServer } from './network/logVerify';

const USAGE = `usage: npm run log -- verify --url URL [--site id ...]
  URL holds admin or governance credentials, e.g. http://governance-lead:password@couch.example:5984 (or set COUCHDB_URL)`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'verify') {
    console.log(USAGE);
    return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
  let url: string;
  let sites: string[] | undefined;
  try {
    const options = readOptions(rest, ['url', 'site']);
    url = serverUrl(options);
    sites = options.get('site');
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const started = performance.now();
  let report;
  try {
    report = await verifyServer(url, sites ? { sites } : {});
  } catch (error) {
    console.error(`Could not read the logs at ${parseCouchUrl(url).base}: ${(error as Error).message}`);
    return 2;
  }
  for (const site of report.sites) {
    const breaks = report.breaks.filter((b) => b.db === site.db);
    const broken = new Set(breaks.map((b) => b.episodeId)).size;
    console.log(`${site.db}: ${site.episodes} episodes, ${site.events} events${site.episodesWithoutEvents ? ` (${site.episodesWithoutEvents} episodes with no events yet)` : ''}: ${broken ? `${broken} episode(s) BROKEN` : 'every chain verifies'}`);
  }
  for (const item of report.breaks) console.log(`BREAK ${item.db} episode ${item.episodeId}: ${item.reason}`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (report.sites.length === 0) console.log('No site logs on this server.');
  console.log(report.breaks.length ? `${report.breaks.length} break(s) found in ${seconds} s.` : `All chains verify (${seconds} s).`);
  return report.breaks.length ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code));
