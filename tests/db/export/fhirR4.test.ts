// The FHIR export is valid R4: the whole Bundle (every entry included) checked
// against HL7's R4 JSON schema (4.0, as compiled by @d4l/js-fhir-validator).
import { describe, expect, it } from 'vitest';
import validateR4 from '@d4l/js-fhir-validator';
import { appendEvents, endEpisode } from '../../../src/db/log';
import { exportEpisodeFhir, exportFhirBundle } from '../../../src/db/export';
import { freshDb, recordEpisode, reachRegistrar, T0, MINUTE } from '../logFixtures';


const validate = validateR4;
const problems = () => (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath ?? ''} ${e.message ?? ''}`);

async function logWithEpisodes() {
  const db = freshDb();
  const done = await recordEpisode(db, { site: 'Ysbyty Gwynedd', events: [reachRegistrar(T0 + MINUTE)] });
  await appendEvents(done.id, [{ type: 'note', at: T0 + 2 * MINUTE, data: { text: '' } }], {}, db);
  await endEpisode(done.id, { status: 'completed', urgency: 'same-day', outcomeStepId: 'sameDay', at: T0 + 3 * MINUTE }, db);
  const open = await recordEpisode(db, { startedAt: T0 + 10 * MINUTE });
  return { db, done, open };
}

describe('the FHIR export', () => {
  it('is a valid R4 Bundle, with every resource in it', async () => {
    const { db } = await logWithEpisodes();
    const bundle = JSON.parse(await exportFhirBundle({}, db)) as unknown;
    expect(validate(bundle), problems().join('; ')).toBe(true);
  });

  it('is valid R4 for one episode, open or ended', async () => {
    const { db, done, open } = await logWithEpisodes();
    for (const id of [done.id, open.id]) {
      expect(validate(JSON.parse(await exportEpisodeFhir(id, db))), problems().join('; ')).toBe(true);
    }
  });

  it('has no empty strings and writes counts as numbers', async () => {
    const { db } = await logWithEpisodes();
    const text = await exportFhirBundle({}, db);
    expect(text).not.toMatch(/:""/);
    const counts = [...text.matchAll(/"valueInteger":([^,}]+)/g)].map((m) => m[1]);
    expect(counts.every((value) => /^-?\d+$/.test(value ?? ''))).toBe(true);
  });
});
