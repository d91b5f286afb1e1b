// Paths as text for `npm run sop -- paths`: each path's outcome and urgency,
// then the steps with the choice that left each one; counts (which may be
// astronomically large) in words an author can read.
import type { PathCount, SopPath } from '../paths/enumeratePaths';
import { URGENCIES, URGENCY_LABEL } from '../urgency';

export function formatPath(path: SopPath, index: number): string {
  const head = `${index + 1}. ${URGENCY_LABEL[path.urgency]}: ${path.outcome}${path.modality ? ` (${path.modality})` : ''}`;
  const route = path.steps
    .map((s, i) => (i === path.steps.length - 1 ? s.stepId : `${s.stepId} ${s.via === null ? '→' : `[${s.via}] →`}`))
    .join(' ');
  return `${head}\n   ${route}`;
}

/** 1,625 — or "about 1.7 × 10^795" when the number has more than 15 digits. */
export function formatCount(count: bigint): string {
  const digits = count.toString();
  if (digits.length <= 15) return Number(count).toLocaleString('en-GB');
  return `about ${digits[0]}.${digits.slice(1, 3)} × 10^${digits.length - 1}`;
}

/** "843 paths: 116 emergency, 720 same-day, 6 urgent, 1 routine". */
export function describeCount(count: PathCount): string {
  const tiers = URGENCIES.filter((u) => count.byUrgency[u] > 0n).map((u) => `${formatCount(count.byUrgency[u])} ${u}`);
  const total = `${count.exact ? '' : 'at least '}${formatCount(count.total)} ${count.total === 1n ? 'path' : 'paths'}`;
  return tiers.length > 0 ? `${total} (${tiers.join(', ')})` : total;
}

export function formatPaths(paths: readonly SopPath[]): string {
  const byUrgency = new Map<string, number>();
  for (const p of paths) byUrgency.set(p.urgency, (byUrgency.get(p.urgency) ?? 0) + 1);
  const counts = [...byUrgency].map(([u, n]) => `${n} ${u}`).join(', ');
  return `${paths.map(formatPath).join('\n')}\n${paths.length} paths (${counts})`;
}
