// Renders tests/clinical/README.md from the vignettes and the walk each one
// takes through its SOP, so clinicians review exactly what the tests run.
// Regenerate with: npx tsx tests/clinical/writeVignetteReadme.ts
import { URGENCY_LABEL, type SopDocument } from '../../src/engine';
import type { Vignette } from './vignettes';
import { walkVignette } from './walkVignette';

const MODALITY: Record<string, string> = { echo: 'Echo', ct: 'CT', mri: 'MRI' };

const HEADER = `# Clinical vignettes for the default SOPs

Each vignette is a short case a clinician can check: the text, the answers a
physiologist or radiographer would give, and the tier the SOP must land on.
\`vignettes.test.ts\` answers every one step by step through the compiled SOP
machine and fails if it lands on any other tier. Calls are taken as answered
unless the vignette says otherwise.

This file is generated from \`vignettes.ts\` and the SOP documents; a test
fails if it is out of date. Regenerate it with
\`npx tsx tests/clinical/writeVignetteReadme.ts\`.

Tiers: **Emergency now** (999 / HCP Level 1-2 and a specialist now), **Same
day** (specialist discussion and assessment within 24 hours), **Urgent** (seen
within 2 weeks), **Routine** (report).
`;

export function renderVignetteReadme(vignettes: readonly Vignette[], docs: readonly SopDocument[]): string {
  const parts = [HEADER];
  for (const doc of docs) {
    const own = vignettes.filter((v) => v.sop === doc.id);
    if (own.length === 0) continue;
    parts.push(`\n## ${doc.title} (\`${doc.id}\`, version ${doc.version})\n`);
    parts.push('| vignette | modality | expected tier |\n| --- | --- | --- |');
    for (const v of own) parts.push(`| ${v.title} | ${MODALITY[v.modality]} | ${URGENCY_LABEL[v.expectedTier]} |`);
    for (const v of own) {
      const walk = walkVignette(v, doc);
      parts.push(`\n### ${v.title} (${MODALITY[v.modality]}): expected ${URGENCY_LABEL[v.expectedTier]}\n`);
      parts.push(`${v.text}\n`);
      walk.steps.forEach((s, i) => {
        const chose = s.kind === 'modality' ? `(${MODALITY[s.chose ?? ''] ?? s.chose} route)` : `**${s.chose}**`;
        parts.push(`${i + 1}. ${s.title} → ${chose}`);
      });
      parts.push(`\nLands on: **${walk.outcome.title}** (${URGENCY_LABEL[walk.outcome.urgency]}).`);
    }
  }
  return `${parts.join('\n')}\n`;
}
