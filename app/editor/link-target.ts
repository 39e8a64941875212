import { safeHref } from "../domain/plan";

// A colon followed by digits is a port ("example.com:8080"), not a scheme.
const SCHEME = /^([a-z][a-z0-9+.-]*):(?!\d)/i;
const EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/;

/**
 * Turns what was typed into the link field into a safe href, or says why
 * not. A bare "example.com" becomes https://, a bare e-mail address mailto:;
 * any other scheme than http(s) and mailto (javascript:, data:, file:…) is
 * refused, with the same rule (`safeHref`) every renderer and export applies.
 */
export function linkTarget(typed: string): { ok: true; href: string } | { ok: false; message: string } {
  const text = typed.trim();
  if (!text) return { ok: false, message: "Enter a link address." };
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  const candidate = scheme ? text : EMAIL.test(text) ? `mailto:${text}` : `https://${text}`;
  const href = safeHref(candidate);
  if (href) return { ok: true, href };
  if (scheme && !["http", "https", "mailto"].includes(scheme)) {
    return {
      ok: false,
      message: `Links starting with “${scheme}:” can’t be used. Use an http://, https:// or mailto: address.`,
    };
  }
  return { ok: false, message: "That doesn’t look like a web or e-mail address." };
}
