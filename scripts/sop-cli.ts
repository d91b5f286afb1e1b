// `npm run sop -- <command>`: the SOP author's tools.
//   check <files...> [--today YYYY-MM-DD]   problems as "file: path: severity: message"; exit 1 on any error
//   paths <file> [--modality echo|ct|mri]   every path from the start to an outcome
//   doc <file> [--out file.html]            printable HTML for sign-off (all text escaped)
//   verify <file> [--trust TRUSTLIST] [--admin KEYID]   exit 0 only if the approval signature verifies (sop-verify.ts)
import { readFileSync, writeFileSync } from 'node:fs';
import { formatPaths } from '../src/engine/authoring/formatPaths';
import { formatProblem, summariseProblems } from '../src/engine/authoring/formatProblems';
import { renderSignOffHtml } from '../src/engine/authoring/signOffHtml';
import { enumeratePaths } from '../src/engine/paths/enumeratePaths';
import { MODALITIES, type Modality } from '../src/engine/schema/primitives';
import type { Problem } from '../src/engine/validate/problem';
import { parseSopText, type ValidationResult } from '../src/engine/validate/validateSop';
import { verifyCommand } from './sop-verify';

const USAGE = `usage:
  npm run sop -- check <files...> [--today YYYY-MM-DD]
  npm run sop -- paths <file> [--modality echo|ct|mri]
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

function load(file: string, today?: string): ValidationResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { ok: false, problems: [{ severity: 'error', code: 'input/unreadable', path: '', message: 'the file could not be read (does it exist?)' }] };
  }
  return parseSopText(text, today ? { today } : {});
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
    for (const p of problems) (p.severity === 'error' ? console.error : console.log)(formatProblem(file, p));
    all.push(...problems);
  }
  console.log(summariseProblems(files.length, all));
  return all.some((p) => p.severity === 'error') ? 1 : 0;
}

function withValidDoc(file: string, then: (result: Required<Pick<ValidationResult, 'doc'>> & ValidationResult) => number): number {
  const result = load(file);
  if (!result.ok || !result.doc) {
    for (const p of result.problems) console.error(formatProblem(file, p));
    console.error(`${file}: fix the errors above first`);
    return 1;
  }
  return then(result as Required<Pick<ValidationResult, 'doc'>> & ValidationResult);
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
    return withValidDoc(files[0]!, ({ doc }) => {
      console.log(formatPaths(enumeratePaths(doc, modality ? { modality: modality as Modality } : {})));
      return 0;
    });
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

process.exitCode = await main(process.argv.slice(2));
