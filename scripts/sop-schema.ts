// `npm run schema`: writes schema/sop.schema.json from the valibot schema.
// A unit test fails when the committed file is out of date.
import { writeFileSync } from 'node:fs';
import { sopJsonSchemaText } from '../src/engine/schema/jsonSchema';

const target = new URL('../schema/sop.schema.json', import.meta.url);
writeFileSync(target, sopJsonSchemaText());
console.log(`wrote ${target.pathname}`);
