// Paths as text for `npm run sop -- paths`: each path's outcome and urgency,
// then the steps with the choice that left each one.
import type { SopPath } from '../paths/enumeratePaths';
import { URGENCY_LABEL } from '../urgency';

export function formatPath(path: SopPath, index: number): string {
  const head = `${index + 1}. ${URGENCY_LABEL[path.urgency]}: ${path.outcome}${path.modality ? ` (${path.modality})` : ''}`;
  const route = path.steps
    .map((s, i) => (i === path.steps.length - 1 ? s.stepId : `${s.stepId} ${s.via === null ? '→' : `[${s.via}] →`}`))
    .join(' ');
  return `${head}\n   ${route}`;
}

export function formatPaths(paths: readonly SopPath[]): string {
  const byUrgency = new Map<string, number>();
  for (const p of paths) byUrgency.set(p.urgency, (byUrgency.get(p.urgency) ?? 0) + 1);
  const counts = [...byUrgency].map(([u, n]) => `${n} ${u}`).join(', ');
  return `${paths.map(formatPath).join('\n')}\n${paths.length} paths (${counts})`;
}
