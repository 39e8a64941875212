/**
 * Which link targets a plan may carry. Rich text arrives from any Yjs peer,
 * not only from our editor, so a `javascript:` href written by a raw client
 * must never reach an `href` attribute: every place that renders or exports a
 * link passes it through `safeHref` first.
 */

/** The only URL schemes a plan link may use. Relative links are refused: a plan has no base URL. */
export const ALLOWED_LINK_PROTOCOLS = ["http:", "https:", "mailto:"] as const;

/** Longer hrefs are refused: no real link needs more, and exports stay small. */
export const MAX_HREF_LENGTH = 2048;

// Browsers drop tab and newline anywhere in a URL and C0 controls or spaces at
// either end (WHATWG URL), so `java\tscript:` runs as `javascript:`. We strip
// exactly what a browser strips, then refuse anything still odd.
const TAB_OR_NEWLINE = /[\t\n\r]/g;
const EDGE_C0_OR_SPACE = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * The href to write into a rendered or exported link, or `null` when the
 * link must be shown as plain text. Allows absolute http:, https: and
 * mailto: URLs only and returns them normalised by the WHATWG URL parser, so
 * what we check is exactly what a browser would follow.
 */
export function safeHref(href: unknown): string | null {
  if (typeof href !== "string") return null;
  const cleaned = href.replace(TAB_OR_NEWLINE, "").replace(EDGE_C0_OR_SPACE, "");
  if (cleaned === "" || cleaned.length > MAX_HREF_LENGTH) return null;
  if (CONTROL.test(cleaned)) return null;
  const url = parseAbsolute(cleaned);
  if (!url) return null;
  if (!(ALLOWED_LINK_PROTOCOLS as readonly string[]).includes(url.protocol)) return null;
  if (url.protocol !== "mailto:" && url.hostname === "") return null;
  return url.href;
}

/** True when `safeHref` would keep the link; the editor's Link extension asks this. */
export function isSafeHref(href: unknown): boolean {
  return safeHref(href) !== null;
}

function parseAbsolute(text: string): URL | null {
  try {
    // No base: a relative or protocol-relative reference throws and is refused.
    return new URL(text);
  } catch {
    return null;
  }
}
