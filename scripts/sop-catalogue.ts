// `npm run sop:catalogue`: writes what the app derives from the shipped SOPs
// at build time, into src/sops/derived/: catalogue.json (the Escalate list's
// titles, findings, keywords, modalities and most urgent outcome, so the first screen draws before
// the documents load) and hashes.json (each document's content hash, so a
// start never re-hashes them). A test fails when either is out of date.
import { writeFileSync } from 'node:fs';
import { hashSop } from '../src/engine/canonical';
import { mostUrgentOutcome } from '../src/engine';
import { builtInSops, collapseSop } from '../src/sops';
import { listingOf } from '../src/features/runner/list/sopListing';

const write = (name: string, value: unknown) =>
  writeFileSync(new URL(`../src/sops/derived/${name}`, import.meta.url), `${JSON.stringify(value, null, 2)}\n`);

write('catalogue.json', builtInSops.map((doc) => listingOf(doc, mostUrgentOutcome(doc))));
const hashes: Record<string, string> = {};
for (const doc of [...builtInSops, collapseSop]) hashes[doc.id] = await hashSop(doc);
write('hashes.json', hashes);
console.log(`Wrote ${builtInSops.length} listings and ${Object.keys(hashes).length} hashes to src/sops/derived/`);
