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
