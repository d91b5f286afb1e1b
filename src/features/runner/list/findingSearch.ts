// The Escalate list's search: finds what a worker types, abbreviations and lay
// words included (searchSynonyms.json), and never matches a short word such
// as "AR" inside a longer one ("heart", "cardiac").
import synonyms from './searchSynonyms.json';

interface Family {
  name: string;
  typed: string[];
  finds: string[];
}

/** One thing the listing must hold: any of these words or phrases. */
type Requirement = readonly string[];

const FAMILIES: readonly Family[] = synonyms.families;

/** Typed phrases, longest first, so "complete heart block" wins over "heart block" and "2:1 block" over "2:1". */
const TYPED = FAMILIES.flatMap((family) => family.typed.map((phrase) => ({ phrase, family })))
  .sort((a, b) => b.phrase.length - a.phrase.length);

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (char: string | undefined) => char !== undefined && WORD_CHAR.test(char);

/** Short words and ones with digits ("AR", "2:1", "110") must stand alone; longer ones may begin a word ("faint" in "fainted"). */
const wholeWordOnly = (term: string) => term.length <= 3 || /\d/.test(term);

/** Where `term` occurs in `text` starting a word (and ending one, for whole-word terms). */
export function holdsTerm(text: string, term: string): boolean {
  const whole = wholeWordOnly(term);
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
    const starts = !isWordChar(text[at - 1]) || !isWordChar(term[0]);
    const ends = !whole || !isWordChar(text[at + term.length]) || !isWordChar(term[term.length - 1]);
    if (starts && ends) return true;
  }
  return false;
}

/** The query as requirements: typed phrases of a family become "any of its words", the rest one word each. */
export function requirementsOf(query: string): Requirement[] {
  let rest = ` ${query.toLowerCase().replace(/\s+/g, ' ').trim()} `;
  const requirements: Requirement[] = [];
  for (const { phrase, family } of TYPED) {
    let at = rest.indexOf(phrase);
    while (at !== -1) {
      if (!isWordChar(rest[at - 1]) && !isWordChar(rest[at + phrase.length])) {
        requirements.push([phrase, ...family.finds]);
        rest = `${rest.slice(0, at)} ${rest.slice(at + phrase.length)}`;
        at = rest.indexOf(phrase);
      } else {
        at = rest.indexOf(phrase, at + 1);
      }
    }
  }
  for (const word of rest.split(' ').filter(Boolean)) requirements.push([word]);
  return requirements;
}

/** Every requirement of the query is met somewhere in `text` (already lower-case). */
export function textMatches(text: string, query: string): boolean {
  return requirementsOf(query).every((anyOf) => anyOf.some((term) => holdsTerm(text, term)));
}

export const SYNONYM_FAMILIES = FAMILIES;
