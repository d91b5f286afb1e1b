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

/**
 * Walks the value without recursion. Stops at the first structural problem
 * because anything after it may be arbitrarily large.
 */
export function guardValue(value: unknown): Problem[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const what = value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;
    return [problem('error', 'input/not-object', '', `an SOP must be a JSON object ({ ... }), but this is ${what}`)];
  }
  const steps = (value as { steps?: unknown }).steps;
  if (Array.isArray(steps) && steps.length > MAX_STEPS) {
    return [problem('error', 'input/too-many-steps', 'steps', `the SOP has ${steps.length} steps; at most ${MAX_STEPS} are allowed`)];
  }
  const seen = new Set<object>();
  const stack: Array<{ node: unknown; depth: number; path: string }> = [{ node: value, depth: 0, path: '' }];
  let count = 0;
  while (stack.length > 0) {
    const { node, depth, path } = stack.pop()!;
    count += 1;
    if (count > MAX_NODES) {
      return [problem('error', 'input/too-many-values', '', `the SOP holds more than ${MAX_NODES.toLocaleString('en-GB')} values; it is far too large to be an SOP`)];
    }
    const type = typeof node;
    if (type === 'function' || type === 'symbol' || type === 'bigint') {
      return [problem('error', 'input/not-json', path, `${path || 'the SOP'} holds a ${type}, which is not JSON data`)];
    }
    if (node === null || type !== 'object') continue;
    if (depth >= MAX_DEPTH) {
      return [problem('error', 'input/too-deep', path, `the SOP is nested more than ${MAX_DEPTH} levels deep; an SOP never needs that`)];
    }
    if (seen.has(node as object)) return [problem('error', 'input/cycle', path, `${path} refers back to itself`)];
    seen.add(node as object);
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i -= 1) stack.push({ node: node[i], depth: depth + 1, path: `${path}[${i}]` });
      continue;
    }
    const keys = Object.keys(node as object);
    for (let i = keys.length - 1; i >= 0; i -= 1) {
      const key = keys[i]!;
      const childPath = path === '' ? key : `${path}.${key}`;
      if (FORBIDDEN_KEYS.has(key)) {
        return [problem('error', 'input/forbidden-key', childPath, `the key "${key}" is not allowed anywhere in an SOP`)];
      }
      stack.push({ node: (node as Record<string, unknown>)[key], depth: depth + 1, path: childPath });
    }
  }
  return [];
}
