// `npm run sop:catalogue`: writes src/sops/derived/catalogue.json, the Escalate list's
// view of the shipped SOPs (titles, findings, keywords, modalities), so the
// first screen can be drawn before the full documents load. A test fails when
// the file is out of date with the SOP documents.
import { writeFileSync } from 'node:fs';
import { builtInSops } from '../src/sops';
import { listingOf } from '../src/features/runner/list/sopListing';

const out = new URL('../src/sops/derived/catalogue.json', import.meta.url);
writeFileSync(out, `${JSON.stringify(builtInSops.map(listingOf), null, 2)}\n`);
console.log(`Wrote ${builtInSops.length} listings to src/sops/derived/catalogue.json`);
