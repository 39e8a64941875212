/**
 * PostgreSQL text cannot hold U+0000, and no person types it: it only comes
 * from a pasted binary or a hostile client. Free text is stored without it
 * rather than failing the whole write.
 */
export function withoutNul(text: string): string {
  return text.includes("\u0000") ? text.replace(/\u0000/g, "") : text;
}
