// Cheap structural checks run BEFORE the schema, so hostile input (huge,
// deeply nested, cyclic, prototype-polluting) gets a clear error quickly and
// never reaches recursive code. The scan is iterative on purpose.
import { MAX_STEPS } from '../schema/primitives';
import { problem, type Problem } from './problem';

export const MAX_TEXT_CHARS = 2_000_000;
export const MAX_DEPTH = 32;
export const MAX_NODES = 200_000;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Problems with the raw text of a file before it is parsed. */
export function guardText(text: unknown): Problem[] {
  if (typeof text !== 'string') return [problem('error', 'input/not-text', '', 'the SOP file could not be read as text')];
  if (text.length > MAX_TEXT_CHARS) {
    const mb = (text.length / 1_000_000).toFixed(1);
    return [problem('error', 'input/too-large', '', `the file is ${mb} million characters long; an SOP file may be at most 2 million`)];
  }
  return [];
}

interface Visit {
  node: unknown;
  depth: number;
  parent: Visit | null;
  key: string | number;
}

/** Whether the visit's object is one of its own ancestors: at most MAX_DEPTH links to follow. */
function isCycle(visit: Visit): boolean {
  for (let at = visit.parent; at !== null; at = at.parent) {
    if (at.node === visit.node) return true;
  }
  return false;
}

/** The JSON path of a visit, built only when a problem is reported. */
function pathOf(visit: Visit): string {
  const keys: Array<string | number> = [];
  for (let at: Visit | null = visit; at !== null && at.parent !== null; at = at.parent) keys.push(at.key);
  return keys.reverse().reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out === '' ? key : `${out}.${key}`), '');
}

/**
 * Walks the value without recursion, counting values as they are queued so a
 * huge list is refused before it is walked. Stops at the first structural
 * problem because anything after it may be arbitrarily large. Shared (but not
 * cyclic) references are allowed; they only add to the count. A cycle is an
 * object met again among its own ancestors, found by following the parent
 * links (depth is capped, so that is cheap and needs no set of open objects).
 */
export function guardValue(value: unknown): Problem[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const what = value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;
    return [problem('error', 'input/not-object', '', `an SOP must be a JSON object ({ ... }), but this is ${what}`)];
  }
  const steps = (value as { steps?: unknown }).steps;
  if (Array.isArray(steps) && steps.length > MAX_STEPS) {
    return [problem('error', 'input/too-many-steps', 'steps', `the SOP has ${steps.length.toLocaleString('en-GB')} steps; at most ${MAX_STEPS.toLocaleString('en-GB')} are allowed`)];
  }
  const stack: Visit[] = [{ node: value, depth: 0, parent: null, key: '' }];
  let queued = 1;
  const tooMany = () => [problem('error', 'input/too-many-values', '', `the SOP holds more than ${MAX_NODES.toLocaleString('en-GB')} values; it is far too large to be an SOP`)];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { node, depth } = visit;
    const type = typeof node;
    if (type === 'function' || type === 'symbol' || type === 'bigint') {
      const path = pathOf(visit);
      return [problem('error', 'input/not-json', path, `${path || 'the SOP'} holds a ${type}, which is not JSON data`)];
    }
    if (node === null || type !== 'object') continue;
    if (depth >= MAX_DEPTH) {
      return [problem('error', 'input/too-deep', pathOf(visit), `the SOP is nested more than ${MAX_DEPTH} levels deep; an SOP never needs that`)];
    }
    if (isCycle(visit)) {
      const path = pathOf(visit);
      return [problem('error', 'input/cycle', path, `${path} contains itself (a cycle), which JSON cannot hold`)];
    }
    if (Array.isArray(node)) {
      queued += node.length;
      if (queued > MAX_NODES) return tooMany();
      for (let i = node.length - 1; i >= 0; i -= 1) {
        // Strings, numbers and booleans (most values) need no visit of their own.
        const item: unknown = node[i];
        if (item === null || (typeof item !== 'object' && typeof item !== 'function' && typeof item !== 'symbol' && typeof item !== 'bigint')) continue;
        stack.push({ node: item, depth: depth + 1, parent: visit, key: i });
      }
      continue;
    }
    const keys = Object.keys(node as object);
    queued += keys.length;
    if (queued > MAX_NODES) return tooMany();
    for (let i = keys.length - 1; i >= 0; i -= 1) {
      const key = keys[i]!;
      const child: unknown = (node as Record<string, unknown>)[key];
      if (FORBIDDEN_KEYS.has(key)) {
        return [problem('error', 'input/forbidden-key', pathOf({ node: child, depth: depth + 1, parent: visit, key }), `the key "${key}" is not allowed anywhere in an SOP`)];
      }
      if (child === null || (typeof child !== 'object' && typeof child !== 'function' && typeof child !== 'symbol' && typeof child !== 'bigint')) continue;
      stack.push({ node: child, depth: depth + 1, parent: visit, key });
    }
  }
  return [];
}
