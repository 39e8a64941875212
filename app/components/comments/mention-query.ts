/**
 * The "@" of the comment composer as plain string work, so the keyboard
 * behaviour can be tested without a browser: is the caret in an @-query,
 * which members fit it, and what the text becomes when one is picked.
 */

/** A member the composer can mention. */
export interface MentionCandidate {
  userId: string;
  name: string;
}

/** An @-query being typed: `text.slice(start, caret)` is "@" + `query`. */
export interface MentionQuery {
  /** Index of the "@". */
  start: number;
  /** What follows the "@" up to the caret, as typed. */
  query: string;
}

/** Longest query still looked up: a full name with a space or two, never a sentence. */
const MAX_QUERY_LENGTH = 40;
/** Words a query may span ("maya pa"); a third space ends it. */
const MAX_QUERY_WORDS = 3;

/**
 * The @-query that ends at the caret, or null. The "@" must start a word
 * (start of text, after whitespace or "("), so an e-mail address never opens
 * suggestions; the query never spans a line.
 */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  if (caret < 1 || caret > text.length) return null;
  const from = Math.max(0, caret - MAX_QUERY_LENGTH - 1);
  const at = text.lastIndexOf("@", caret - 1);
  if (at < from) return null;
  if (at > 0 && !/[\s(]/.test(text[at - 1]!)) return null;
  const query = text.slice(at + 1, caret);
  if (/[\n\r@]/.test(query) || /^\s/.test(query)) return null;
  if (query.split(" ").length > MAX_QUERY_WORDS) return null;
  return { start: at, query };
}

function normalise(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * The members that fit a query, best first: names that start with it, then
 * names with a later word that starts with it; alphabetical within each.
 */
export function matchMembers<M extends MentionCandidate>(
  members: readonly M[],
  query: string,
  limit = 8,
): M[] {
  const wanted = normalise(query.trim());
  const scored: Array<{ member: M; rank: number }> = [];
  for (const member of members) {
    const name = normalise(member.name);
    if (!wanted || name.startsWith(wanted)) scored.push({ member, rank: 0 });
    else if (name.split(/\s+/).some((word) => word.startsWith(wanted))) scored.push({ member, rank: 1 });
  }
  scored.sort((a, b) => a.rank - b.rank || a.member.name.localeCompare(b.member.name));
  return scored.slice(0, limit).map((entry) => entry.member);
}

/** The text with the query replaced by "@Full Name " and where the caret goes next. */
export function insertMention(
  text: string,
  query: MentionQuery,
  caret: number,
  member: MentionCandidate,
): { text: string; caret: number } {
  const inserted = `@${member.name} `;
  const after = text.slice(caret).replace(/^ /, "");
  return { text: text.slice(0, query.start) + inserted + after, caret: query.start + inserted.length };
}

/** The option to highlight after an arrow key, wrapping at both ends. */
export function moveActive(active: number, count: number, step: 1 | -1): number {
  if (count === 0) return -1;
  if (active < 0) return step === 1 ? 0 : count - 1;
  return (active + step + count) % count;
}
