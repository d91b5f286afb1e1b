// Writes tests/clinical/README.md from the vignettes (run after editing them
// or an SOP): npx tsx tests/clinical/writeVignetteReadme.ts
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { builtInSops, collapseSop } from '../../src/sops';
import { renderVignetteReadme } from './vignetteReadme';
import { vignettes } from './vignettes';

const target = resolve('tests/clinical/README.md');
writeFileSync(target, renderVignetteReadme(vignettes, [...builtInSops, collapseSop]));
console.log(`wrote ${target}`);
