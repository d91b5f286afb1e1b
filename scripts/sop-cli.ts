// `npm run sop -- <command>`: the SOP author's tools.
//   check <files...> [--today YYYY-MM-DD]   problems as 'file: step "id": field (path): severity: message'; exit 1 on any error
//   paths <file> [--modality m] [--urgency u] [--max N]
//                                           every path from the start to an outcome, streamed as it is
//                                           found; past --max (default 10,000) it stops and says so, with
//                                           the true count (or a bound when the SOP loops)
//   doc <file> [--out file.html]            printable HTML for sign-off (all text escaped)
//   verify <file> [--trust TRUSTLIST] [--admin KEYID]   exit 0 only if the approval signature verifies (sop-verify.ts)
import { readFileSync, writeFileSync } from 'node:fs';
import { describeCount, formatCount, formatPath } from '../src/engine/authoring/formatPaths';
import { formatProblem, summariseProblems } from '../src/engine/authoring/formatProblems';
import { renderSignOffHtml } from '../src/engine/authoring/signOffHtml';
import { countPaths, walkPaths } from '../src/engine/paths/enumeratePaths';
import { MODALITIES, URGENCIES, type Modality, type Urgency } from '../src/engine/schema/primitives';
import type { Problem } from '../src/engine/validate/problem';
import { parseSopText, type ValidationResult } from '../src/engine/validate/validateSop';
import { verifyCommand } from './sop-verify';

const USAGE = `usage:
  npm run sop -- check <files...> [--today YYYY-MM-DD]
  npm run sop -- paths <file> [--modality echo|ct|mri] [--urgency emergency|same-day|urgent|routine] [--max N]
  npm run sop -- doc <file> [--out file.html]
  npm run sop -- verify <file> --trust <signed trust list> [--admin <administrator key id>]`;

function split(args: string[]): { files: string[]; flags: Map<string, string> } {
  const files: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg.startsWith('--')) flags.set(arg.slice(2), args[(i += 1)] ?? '');
    else files.push(arg);
  }
  return { files, flags };
}

type Loaded = ValidationResult & { raw?: unknown };

function load(file: string, today?: string): Loaded {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { ok: false, problems: [{ severity: 'error', code: 'input/unreadable', path: '', message: 'the file could not be read (does it exist?)' }] };
  }
  const result = parseSopText(text, today ? { today } : {});
  if (result.doc) return { ...result, raw: result.doc };
  try {
    // Only to name steps in the problems; the validator has already said what is wrong.
    return { ...result, raw: JSON.parse(text) as unknown };
  } catch {
    return result;
  }
}

function check(files: string[], today?: string): number {
  const all: Problem[] = [];
  const owners = new Map<string, string>();
  for (const file of files) {
    const result = load(file, today);
    const problems = [...result.problems];
    const id = result.doc?.id;
    if (id !== undefined && owners.has(id)) {
      problems.push({ severity: 'error', code: 'library/duplicate-sop-id', path: 'id', message: `SOP id "${id}" is also used by ${owners.get(id)}` });
    } else if (id !== undefined) owners.set(id, file);
    for (const p of problems) (p.severity === 'error' ? console.error : console.log)(formatProblem(file, p, result.raw));
    all.push(...problems);
  }
  console.log(summariseProblems(files.length, all));
  return all.some((p) => p.severity === 'error') ? 1 : 0;
}

function withValidDoc(file: string, then: (result: Required<Pick<ValidationResult, 'doc'>> & ValidationResult) => number): number {
  const result = load(file);
  if (!result.ok || !result.doc) {
    for (const p of result.problems) console.error(formatProblem(file, p, result.raw));
    console.error(`${file}: fix the errors above first`);
    return 1;
  }
  return then(result as Required<Pick<ValidationResult, 'doc'>> & ValidationResult);
}

/** Writes and waits while the pipe is full, so streaming millions of lines never piles up in memory. */
async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
}

const DEFAULT_MAX_PATHS = 10_000;

async function paths(doc: NonNullable<ValidationResult['doc']>, modality: Modality | undefined, urgency: Urgency | undefined, max: number): Promise<number> {
  const count = countPaths(doc, modality ? { modality } : {});
  let printed = 0;
  for (const path of walkPaths(doc, { ...(modality ? { modality } : {}), ...(urgency ? { urgency } : {}) })) {
    if (printed >= max) break;
    await write(`${formatPath(path, printed)}\n`);
    printed += 1;
  }
  const inTier = urgency ? count.byUrgency[urgency] : count.total;
  const allShown = count.exact && BigInt(printed) >= inTier;
  const scope = urgency ? ` ending ${urgency}` : '';
  if (allShown) {
    await write(urgency ? `${printed} paths${scope}; the SOP has ${describeCount(count)}\n` : `${describeCount(count)}\n`);
  } else {
    const of = count.exact ? `${formatCount(inTier)}${scope}` : `at least ${formatCount(inTier)}${scope} (the SOP loops: counting stopped there)`;
    await write(`Stopped early: printed ${printed.toLocaleString('en-GB')} of ${of}. The SOP has ${describeCount(count)}. Use --max N to print more, or --urgency to list one tier.\n`);
  }
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { files, flags } = split(rest);
  if (command === 'verify' && files.length === 1) return verifyCommand(files[0]!, flags, console.log, console.error);
  if (command === 'check' && files.length > 0) return check(files, flags.get('today'));
  if (command === 'paths' && files.length === 1) {
    const modality = flags.get('modality');
    if (modality !== undefined && !(MODALITIES as readonly string[]).includes(modality)) {
      console.error(`unknown modality "${modality}" (use ${MODALITIES.join(', ')})`);
      return 2;
    }
    const urgency = flags.get('urgency');
    if (urgency !== undefined && !(URGENCIES as readonly string[]).includes(urgency)) {
      console.error(`unknown urgency "${urgency}" (use ${URGENCIES.join(', ')})`);
      return 2;
    }
    const max = flags.has('max') ? Number(flags.get('max')) : DEFAULT_MAX_PATHS;
    if (!Number.isInteger(max) || max < 0) {
      console.error('--max takes a whole number of paths, e.g. --max 5000');
      return 2;
    }
    const loaded = load(files[0]!);
    if (!loaded.ok || !loaded.doc) return withValidDoc(files[0]!, () => 1);
    return paths(loaded.doc, modality as Modality | undefined, urgency as Urgency | undefined, max);
  }
  if (command === 'doc' && files.length === 1) {
    return withValidDoc(files[0]!, ({ doc, problems }) => {
      const html = renderSignOffHtml(doc, problems);
      const out = flags.get('out');
      if (out) writeFileSync(out, html);
      else process.stdout.write(html);
      return 0;
    });
  }
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`sop: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
