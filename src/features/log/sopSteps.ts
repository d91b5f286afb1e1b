// Reads step titles and texts from a stored SOP document (as it was when the
// episode ran). The document is data from storage, so nothing is assumed.

export interface StoredStep {
  id: string;
  kind: string;
  title: string;
  text: string;
}

export function stepsOf(document: unknown): Map<string, StoredStep> {
  const steps = (document as { steps?: unknown } | null | undefined)?.steps;
  const map = new Map<string, StoredStep>();
  if (!Array.isArray(steps)) return map;
  for (const step of steps) {
    if (!step || typeof step !== 'object') continue;
    const record = step as Record<string, unknown>;
    if (typeof record.id !== 'string') continue;
    map.set(record.id, {
      id: record.id,
      kind: typeof record.kind === 'string' ? record.kind : '',
      title: typeof record.title === 'string' ? record.title : record.id,
      text: typeof record.text === 'string' ? record.text : '',
    });
  }
  return map;
}

/** Finds a step by id in the SOP an event belongs to (runner events name it in data.sopId), else the episode's main SOP. */
export type StepLookup = (stepId: string, sopId?: string) => StoredStep;

export function stepLookup(mainDocument: unknown, linked: ReadonlyArray<{ id: string; document: unknown }>): StepLookup {
  const main = stepsOf(mainDocument);
  const others = new Map(linked.map((sop) => [sop.id, stepsOf(sop.document)]));
  return (stepId, sopId) =>
    (sopId !== undefined ? others.get(sopId)?.get(stepId) : undefined) ?? main.get(stepId) ?? { id: stepId, kind: '', title: stepId, text: '' };
}

export function sopIdOf(data: Record<string, unknown>): string | undefined {
  return typeof data.sopId === 'string' ? data.sopId : undefined;
}
