// The sign-off document shows everything a signatory must see, and shows
// hostile text as text.
import { describe, expect, it } from 'vitest';
import { parseSopText, validateSop } from '../../../src/engine';
import { renderSignOffHtml } from '../../../src/engine/authoring/signOffHtml';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fixtureDoc } from '../fixtures/loadFixture';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('the sign-off document', () => {
  it('renders hostile text as the very characters typed', () => {
    const result = parseSopText(readFileSync(resolve(process.cwd(), 'tests/fixtures/hostile/html-in-text.json'), 'utf8'), { today: '2026-01-01' });
    const page = parse(renderSignOffHtml(result.doc!, result.problems));
    expect(page.querySelectorAll('script, img, iframe, svg, textarea').length).toBe(0);
    expect(page.querySelector('h1')!.textContent).toBe(result.doc!.title);
    expect(page.querySelector('#step-isUnwell h3')!.textContent).toContain('</h1><script>alert(2)</script>');
    expect([...page.querySelectorAll('a')].every((a) => !a.getAttribute('href')!.startsWith('javascript:'))).toBe(true);
  });

  it('lists contacts by role, each step with its way on, the paths, references and a place to sign', () => {
    const doc = fixtureDoc('triageSop');
    const page = parse(renderSignOffHtml(doc, validateSop(doc, { today: '2026-11-27' }).problems));
    const roleRows = [...page.querySelectorAll('h2 + table tbody tr')].map((tr) => tr.textContent);
    expect(roleRows.find((r) => r!.startsWith('Imaging consultant'))).toContain('callConsultant, escalateConsultant');
    expect(page.querySelectorAll('section.step')).toHaveLength(doc.steps.length);
    expect(page.querySelector('#step-waitRegistrar')!.textContent).toContain('Wait 10 minutes; then, automatically → escalateConsultant');
    expect(page.querySelector('.problems')!.textContent).toContain('template: needs local sign-off');
    expect(page.querySelector('#ref-rcuk-als a')!.getAttribute('href')).toBe('https://www.resus.org.uk/');
    expect(page.body.textContent).toMatch(/\d+ paths from the start to an outcome/);
    expect(page.querySelector('table.sign')).not.toBeNull();
  });
});
