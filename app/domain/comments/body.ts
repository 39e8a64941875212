import { safeHref } from "../plan/links";

/**
 * A comment body is plain text. Mentions and links are found in it when it
 * is shown, never stored as markup, so the renderer only ever makes text
 * nodes, mention chips and links whose href passed `safeHref`: a body such as
 * `<img src=x onerror=alert(1)>` is shown as those characters.
 */

/** The most characters a comment body may have. */
export const MAX_BODY_LENGTH = 10_000;
/** The most members one comment may mention. */
export const MAX_MENTIONS = 50;

/** A piece of a comment body as it is shown. */
export type BodySegment =
  | { type: "text"; text: string }
  | { type: "mention"; text: string; userId: string }
  | { type: "link"; text: string; href: string };

export interface MentionedMember {
  userId: string;
  name: string;
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+/gi;
// Closing punctuation right after a URL belongs to the sentence, not the link.
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"]+$/;

/**
 * Splits a body into text, mentions (`@Name` of a member the comment
 * mentions, longest name first so "@Sam Lee" wins over "@Sam") and links
 * (http and https only, through `safeHref`).
 */
export function segmentBody(body: string, mentioned: readonly MentionedMember[]): BodySegment[] {
  const names = [...mentioned].filter((m) => m.name.length > 0).sort((a, b) => b.name.length - a.name.length);
  const segments: BodySegment[] = [];
  let text = "";
  const flush = () => {
    if (text) segments.push({ type: "text", text });
    text = "";
  };
  let i = 0;
  while (i < body.length) {
    if (body[i] === "@" && (i === 0 || /\s|\(/.test(body[i - 1]!))) {
      const member = names.find(
        (m) => body.startsWith(m.name, i + 1) && !/[\p{L}\p{N}]/u.test(body[i + 1 + m.name.length] ?? ""),
      );
      if (member) {
        flush();
        segments.push({ type: "mention", text: `@${member.name}`, userId: member.userId });
        i += member.name.length + 1;
        continue;
      }
    }
    if ((body[i] === "h" || body[i] === "H") && (i === 0 || !/[\p{L}\p{N}]/u.test(body[i - 1]!))) {
      URL_PATTERN.lastIndex = i;
      const match = URL_PATTERN.exec(body);
      if (match && match.index === i) {
        const raw = match[0].replace(TRAILING_PUNCTUATION, "");
        const href = safeHref(raw);
        if (href) {
          flush();
          segments.push({ type: "link", text: raw, href });
          i += raw.length;
          continue;
        }
      }
    }
    text += body[i];
    i += 1;
  }
  flush();
  return segments;
}

/**
 * The members a body mentions: `@Name` at a word start, for any of the
 * candidates. The composer sends the ids it inserted; the server keeps only
 * those still written in the body, so deleting "@Maya" from the text also
 * drops Maya's notification.
 */
export function mentionsIn(body: string, candidates: readonly MentionedMember[]): string[] {
  const found = new Set<string>();
  for (const segment of segmentBody(body, candidates))
    if (segment.type === "mention") found.add(segment.userId);
  return [...found];
}
