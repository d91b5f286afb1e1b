// The printable sign-off document (`npm run sop -- doc`): governance details,
// contacts by role, every step, the paths and the references, with every
// text escaped. A strict CSP means even a missed escape could run nothing.
import { enumeratePaths } from '../paths/enumeratePaths';
import type { SopDocument, StepOfKind } from '../schema/document';
import type { StepKindName } from '../steps/registry';
import { URGENCIES, URGENCY_LABEL } from '../urgency';
import type { Problem } from '../validate/problem';
import { escapeHtml as e } from './escapeHtml';

const link = (id: string) => `<a href="#step-${e(id)}">${e(id)}</a>`;
const list = (items: string[]) => (items.length === 0 ? '' : `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`);

const STEP_BODY: { [K in StepKindName]: (step: StepOfKind<K>, doc: SopDocument) => string } = {
  question: (s) => list(s.options.map((o) => `${e(o.label)}${o.notSure ? ' <strong>(not sure: the safer way)</strong>' : ''}${o.detail ? ` — ${e(o.detail)}` : ''} → ${link(o.next)}`)),
  actions: (s) => `${list(s.items.map((i) => `☐ ${e(i.text)}${i.repeatMinutes ? ` <em>(repeat every ${i.repeatMinutes} min)</em>` : ''}${i.modalities ? ` <em>(${e(i.modalities.join(', '))} only)</em>` : ''}`))}<p>Then → ${link(s.next)}</p>`,
  contact: (s, doc) => {
    const role = doc.roles.find((r) => r.id === s.role);
    const sbar = (['situation', 'background', 'assessment', 'recommendation'] as const).map((k) => `<dt>${k[0]!.toUpperCase()}${k.slice(1)}</dt><dd>${e(s.sbar[k])}</dd>`).join('');
    return `<p>Call: <strong>${e(role?.title ?? s.role)}</strong> (${e(role?.type ?? 'unknown role')})</p><dl>${sbar}</dl>${list(s.outcomes.map((o) => `${e(o.label)} (${e(o.result)}) → ${link(o.next)}`))}`;
  },
  wait: (s) => `<p>Wait ${s.minutes} minutes; then, automatically → ${link(s.onExpire)}</p>${list(s.endEarly.map((o) => `End early: ${e(o.label)} → ${link(o.next)}`))}`,
  modality: (s) => list(Object.entries(s.routes).map(([m, next]) => `${e(m)} → ${link(next ?? '')}`)),
  outcome: (s) => `<p class="urgency">${e(URGENCY_LABEL[s.urgency])}</p><p>${e(s.disposition)}</p><p>Report wording: “${e(s.reportWording)}”</p><p>Document:</p>${list(s.document.map(e))}`,
};

function stepHtml(step: SopDocument['steps'][number], doc: SopDocument): string {
  const body = (STEP_BODY[step.kind] as (s: typeof step, d: SopDocument) => string)(step, doc);
  const cites = 'cites' in step && step.cites?.length ? `<p class="cites">Sources: ${step.cites.map((c) => `<a href="#ref-${e(c)}">${e(c)}</a>`).join(', ')}</p>` : '';
  return `<section class="step" id="step-${e(step.id)}"><h3>${e(step.title)} <small>${e(step.kind)} · ${e(step.id)}${step.id === doc.start ? ' · START' : ''}</small></h3>${step.text ? `<p>${e(step.text)}</p>` : ''}${body}${cites}</section>`;
}

function rolesHtml(doc: SopDocument): string {
  const rows = doc.roles.map((r) => {
    const callers = doc.steps.filter((s) => s.kind === 'contact' && s.role === r.id).map((s) => link(s.id));
    return `<tr><td>${e(r.title)}</td><td>${e(r.type)}</td><td>${callers.join(', ') || '—'}</td><td>${e(r.note ?? '')}</td></tr>`;
  });
  return `<table><thead><tr><th>Role</th><th>Type</th><th>Called at</th><th>Note</th></tr></thead><tbody>${rows.join('')}</tbody></table><p>Names and numbers come from the local directory, never from this document.</p>`;
}

function pathsHtml(doc: SopDocument): string {
  const paths = enumeratePaths(doc, { maxPaths: 10_000 });
  const counts = URGENCIES.map((u) => `<tr><td>${e(URGENCY_LABEL[u])}</td><td>${paths.filter((p) => p.urgency === u).length}</td></tr>`);
  return `<p>${paths.length} paths from the start to an outcome (each loop at most once).</p><table><tbody>${counts.join('')}</tbody></table>`;
}

export function renderSignOffHtml(doc: SopDocument, problems: readonly Problem[] = []): string {
  const approval = doc.approval ? `${e(doc.approval.name)}, ${e(doc.approval.role)}, ${e(doc.approval.date)}` : 'not yet approved';
  const refs = doc.references.map((r) => `<li id="ref-${e(r.id)}"><strong>${e(r.id)}</strong>: ${e(r.title)}${r.publisher ? `, ${e(r.publisher)}` : ''}${r.year ? ` (${r.year})` : ''}${r.url ? ` <a href="${e(r.url)}">${e(r.url)}</a>` : ''}${r.note ? ` — ${e(r.note)}` : ''}</li>`);
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(doc.title)} — v${e(doc.version)}</title>
<style>body{font:11pt/1.4 system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem}section.step{border-top:1px solid #999;break-inside:avoid}small{color:#555;font-weight:normal}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2rem .5rem;text-align:left}.urgency{font-weight:bold}.problems{background:#fff3cd;padding:.5rem}.sign td{height:2.5rem;min-width:12rem}</style>
</head><body>
<h1>${e(doc.title)}</h1>
<table><tbody>
<tr><th>SOP id</th><td>${e(doc.id)}</td></tr><tr><th>Version</th><td>${e(doc.version)}</td></tr>
<tr><th>Status</th><td>${e(doc.status)}</td></tr><tr><th>Approved</th><td>${approval}</td></tr>
<tr><th>Review due</th><td>${e(doc.reviewDue)}</td></tr><tr><th>Modalities</th><td>${e(doc.modalities.join(', '))}</td></tr>
<tr><th>Triggering finding</th><td>${e(doc.finding)}</td></tr>
${doc.localAdaptation ? `<tr><th>Local adaptation</th><td>${e(doc.localAdaptation)}</td></tr>` : ''}
</tbody></table>
${problems.length ? `<div class="problems"><h2>Checker findings</h2>${list(problems.map((p) => `${e(p.severity)}: ${e(p.path || '(document)')}: ${e(p.message)}`))}</div>` : ''}
<h2>Contacts by role</h2>${rolesHtml(doc)}
<h2>Steps</h2>${doc.steps.map((s) => stepHtml(s, doc)).join('\n')}
<h2>Paths</h2>${pathsHtml(doc)}
<h2>References</h2><ol>${refs.join('')}</ol>
<h2>Sign-off</h2><table class="sign"><tbody><tr><th>Name</th><td></td></tr><tr><th>Role</th><td></td></tr><tr><th>Signature</th><td></td></tr><tr><th>Date</th><td></td></tr></tbody></table>
</body></html>
`;
}
