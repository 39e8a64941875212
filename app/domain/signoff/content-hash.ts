import { canonicalJson } from "../plan/canonical-json";
import type { PlanContent } from "../plan/project";

/**
 * The content hash a signature names: SHA-256 (hex) of the canonical JSON of
 * the plan's projection (DESIGN.md section 5). Browser and server compute it
 * alike (WebCrypto), so the plan page can tell "changed since submitted" live
 * and the server can check that a signer saw what is current. Equal content,
 * however it came about (an undo, a restore), gives the equal hash.
 */
export async function contentHash(content: PlanContent): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(content));
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** A content hash as the API writes it: 64 lowercase hex digits. */
export const CONTENT_HASH = /^[0-9a-f]{64}$/;

/** The short form shown next to signatures (like a git commit). */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}
