// Flags an SOP whose title looks like another SOP's (a different id): a file
// posing as "Fast AF" under another id could be picked on Escalate by mistake.
// Titles are compared folded (case, accents, punctuation, 0/1/5 for o/l/s)
// and within two edits.
const fold = (title: string): string =>
  title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/0/g, 'o').replace(/[1|]/g, 'l').replace(/5/g, 's').replace(/[^a-z0-9]/g, '');

function withinTwoEdits(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 2) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = row;
  }
  return previous[b.length]! <= 2;
}

export function titlesLookAlike(a: string, b: string): boolean {
  const fa = fold(a);
  const fb = fold(b);
  return fa.length > 0 && (fa === fb || (Math.min(fa.length, fb.length) >= 8 && withinTwoEdits(fa, fb)));
}

/** The first SOP with another id whose title looks like this one's, or null. */
export function lookAlikeOf(sop: { id: string; title: string }, others: ReadonlyArray<{ sopId: string; title: string }>): { sopId: string; title: string } | null {
  return others.find((other) => other.sopId !== sop.id && titlesLookAlike(sop.title, other.title)) ?? null;
}
