// Turns valibot issues into plain-English problems with JSON paths such as
// steps[3].options[1].next, naming the step when the issue is inside one.
import type * as v from 'valibot';
import { problem, type Problem } from './problem';

type Issue = v.BaseIssue<unknown>;

function pathOf(issue: Issue): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]{0,63}$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key).slice(0, 60))}]`;
  }
  return out;
}

function stepIdAt(input: unknown, issue: Issue): string | undefined {
  const [first, second] = issue.path ?? [];
  if ((first as { key?: unknown } | undefined)?.key !== 'steps') return undefined;
  const step = (second as { value?: unknown } | undefined)?.value;
  const id = (step as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' && id.length <= 64 ? id : undefined;
}

const describe = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 40 ? `text "${value.slice(0, 40)}…"` : `"${value}"`;
  if (typeof value === 'object') return 'an object';
  return String(value);
};

/** Messages name the field, not the whole path: the path is reported beside them. */
function messageOf(issue: Issue): string {
  const last = issue.path?.[issue.path.length - 1] as { key?: unknown } | undefined;
  const rawKey = last?.key;
  const key = typeof rawKey === 'string' ? (rawKey.length > 60 ? `${rawKey.slice(0, 60)}…` : rawKey) : undefined;
  const field = key !== undefined ? `"${key}"` : typeof rawKey === 'number' ? `entry ${rawKey}` : 'the SOP';
  if (issue.kind === 'schema' && issue.expected === 'never' && key !== undefined) {
    return `unknown field "${key}" (check the spelling; unknown fields are not allowed)`;
  }
  if (issue.kind === 'schema' && issue.input === undefined && key !== undefined) {
    return `the required field "${key}" is missing`;
  }
  if (issue.type === 'variant') return `"kind" must be one of ${issue.expected ?? 'the step kinds'}, not ${describe(issue.input)}`;
  if (issue.kind === 'schema') return `${field} should be ${issue.expected ?? 'something else'}, not ${describe(issue.input)}`;
  // Validation actions (regex, length, url...) mostly carry our own plain messages.
  if (issue.message.startsWith('Invalid ')) {
    return `${field} is not valid (${issue.type.replace(/_/g, ' ')}: expected ${issue.expected ?? '?'}, got ${issue.received})`;
  }
  return issue.message;
}

export function schemaProblems(input: unknown, issues: readonly Issue[]): Problem[] {
  return issues.map((issue) => {
    const path = pathOf(issue);
    return problem('error', `schema/${issue.type}`, path, messageOf(issue), stepIdAt(input, issue));
  });
}
