// JSON.parse keeps the last of two equal keys in one object and drops the
// other without a word: an author who pasted a step's "next" twice would
// publish the one they did not mean. This scan (run on text that already
// parsed) finds every key written twice in the same object, with its line.
import { problem, type Problem } from './problem';

const MAX_REPORTED = 20;

export interface DuplicateKey {
  key: string;
  /** 1-based line of the second occurrence. */
  line: number;
  firstLine: number;
}

/** Every key written twice in one object (at most 20), in the order met. Expects valid JSON. */
export function findDuplicateKeys(text: string): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  // One map per open container: objects record key → line; arrays hold null.
  const open: Array<Map<string, number> | null> = [];
  let line = 1;
  let expectKey = false;
  const length = text.length;
  for (let i = 0; i < length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line += 1;
    } else if (c === 123 /* { */) {
      open.push(new Map());
      expectKey = true;
    } else if (c === 91 /* [ */) {
      open.push(null);
      expectKey = false;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      open.pop();
      expectKey = false;
    } else if (c === 44 /* , */) {
      expectKey = open[open.length - 1] instanceof Map;
    } else if (c === 34 /* " */) {
      const start = i;
      let escaped = false;
      for (i += 1; i < length; i += 1) {
        const d = text.charCodeAt(i);
        if (escaped) escaped = false;
        else if (d === 92 /* \ */) escaped = true;
        else if (d === 34) break;
      }
      if (!expectKey) continue;
      expectKey = false;
      const raw = text.slice(start, i + 1);
      let key: string;
      try {
        key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      } catch {
        key = raw.slice(1, -1);
      }
      const keys = open[open.length - 1];
      if (!keys) continue;
      const first = keys.get(key);
      if (first !== undefined) {
        found.push({ key, line, firstLine: first });
        if (found.length >= MAX_REPORTED) return found;
      } else keys.set(key, line);
    }
  }
  return found;
}

export function duplicateKeyProblems(text: string): Problem[] {
  return findDuplicateKeys(text).map(({ key, line, firstLine }) =>
    problem('error', 'input/duplicate-key', '', `the key "${key.length > 60 ? `${key.slice(0, 60)}…` : key}" is written twice in the same object (line ${firstLine} and line ${line}); only one can count, so remove or rename one`),
  );
}
