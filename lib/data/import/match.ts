/**
 * When a row found by its email is the same person. Shared and placeholder addresses
 * (`a@a.com`, `xxx@xxx.com`, `info@…`) appear on many different people in real CRM exports; a
 * row whose name clearly differs from the lead its email found is kept apart as a lead of its
 * own, never laid over that lead. Pure, unit-tested.
 */

/** A name as compared: accents, case, punctuation and titles removed, as words. */
export function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9@.\s'-]+/g, ' ')
    .replace(/['.-]+/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== '' && !/^(mr|mrs|ms|miss|dr|prof|jr|sr|ii|iii)$/.test(word));
}

/**
 * Two names of the same person, or at least not clearly two people: one empty, equal, one's
 * words inside the other's ("Dana" / "Dana Whitfield", "Dana J. Whitfield"), initials for given
 * names ("D. Whitfield"), or the same words in another order ("Whitfield, Dana").
 */
export function samePerson(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return true;
  // A name Baton made up from an email or a CRM id says nothing about the person.
  if (a.includes('@') || b.includes('@')) return true;
  const left = nameWords(a);
  const right = nameWords(b);
  if (left.length === 0 || right.length === 0) return true;
  const [short, long] = left.length <= right.length ? [left, right] : [right, left];
  const pool = [...long];
  for (const word of short) {
    const exact = pool.indexOf(word);
    if (exact >= 0) {
      pool.splice(exact, 1);
      continue;
    }
    // An initial ("d") stands for a word it starts ("dana"), and the other way round.
    const initial = pool.findIndex(
      (other) =>
        (word.length === 1 && other.startsWith(word)) || (other.length === 1 && word.startsWith(other)),
    );
    if (initial < 0) return false;
    pool.splice(initial, 1);
  }
  return true;
}

/**
 * The id of a lead kept apart: its email and name, so importing the same file again finds the
 * same lead (and creates no duplicate).
 */
export function apartKey(email: string, name: string): string {
  return `${email.toLowerCase()}|${nameWords(name).join(' ')}`;
}
