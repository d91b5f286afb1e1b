// `npm run network -- setup|enrol|revoke|add-person ...`: the network admin's
// commands against any Apache CouchDB 3 (admin credentials in the URL).
import { readOptions, one, serverUrl } from './cliArgs';
import { readFileSync } from 'node:fs';
import { addPerson, enrolDevice, provision, revokeDevice, type EnrolOptions, type Site } from './provision';

const USAGE = `usage:
  npm run network -- setup --url URL --site id:Name [--site id:Name ...] [--origin https://app.example]
      creates or checks the databases, _security, validate_doc_update guards and server settings (idempotent)
  npm run network -- enrol --url URL --site id [--public-url https://couch.example]
      creates a tablet account for the site and prints its one-time enrolment code
  npm run network -- revoke --url URL --device device-xxxxxxxxxxxxxxxx
      deletes a tablet's account: its next push is refused
  npm run network -- add-person --url URL --name NAME --role author|governance [--password P]
      creates or updates a person's account (password from --password or CDC_PERSON_PASSWORD)
URL is an admin URL, e.g. http://admin:password@127.0.0.1:5984 (or set COUCHDB_URL).`;

function parseSite(text: string): Site {
  const colon = text.indexOf(':');
  if (colon < 1) throw new Error(`--site takes id:Name, e.g. --site leeds-cdc:"Leeds CDC" (got "${text}").`);
  return { siteId: text.slice(0, colon), name: text.slice(colon + 1) };
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'setup': {
      const options = readOptions(rest, ['url', 'site', 'origin']);
      const sites = (options.get('site') ?? []).map(parseSite);
      const lines = await provision(serverUrl(options), { sites, origins: options.get('origin') ?? [] });
      for (const line of lines) console.log(line);
      return 0;
    }
    case 'enrol': {
      const options = readOptions(rest, ['url', 'site', 'public-url', 'admin-key']);
      const publicUrl = options.get('public-url')?.at(-1);
      // The administrator's public key file (a JWK, or a key file holding publicJwk): the tablet pins it at enrolment.
      const adminKeyFile = options.get('admin-key')?.at(-1);
      const adminKeyJson = adminKeyFile ? JSON.parse(readFileSync(adminKeyFile, 'utf8')) as { publicJwk?: unknown } : null;
      const adminKey = (adminKeyJson && 'publicJwk' in adminKeyJson ? adminKeyJson.publicJwk : adminKeyJson) as EnrolOptions['adminKey'] | null;
      const { user, code } = await enrolDevice(serverUrl(options), one(options, 'site'), { ...(publicUrl ? { publicUrl } : {}), ...(adminKey ? { adminKey } : {}) });
      console.log(`Enrolled tablet ${user} for site ${one(options, 'site')}.`);
      console.log('One-time enrolment code (type or paste it in Settings → Network on the tablet; it is spent once the tablet has used it):');
      console.log(code);
      return 0;
    }
    case 'revoke': {
      const options = readOptions(rest, ['url', 'device']);
      const user = one(options, 'device');
      await revokeDevice(serverUrl(options), user);
      console.log(`Revoked ${user}: its account is deleted and its next request is refused.`);
      return 0;
    }
    case 'add-person': {
      const options = readOptions(rest, ['url', 'name', 'role', 'password']);
      const role = one(options, 'role');
      if (role !== 'author' && role !== 'governance') throw new Error('--role is author or governance.');
      const password = options.get('password')?.at(-1) ?? process.env.CDC_PERSON_PASSWORD;
      if (!password) throw new Error('Give the password with --password or CDC_PERSON_PASSWORD.');
      await addPerson(serverUrl(options), one(options, 'name'), role, password);
      console.log(`Account ${one(options, 'name')} has role ${role}.`);
      return 0;
    }
    default:
      console.log(USAGE);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
