/**
 * The visible text of an HTML page or fragment, for assertions about what a
 * person reads: comments and tags dropped, the entities React writes decoded
 * (`&amp;` last, so `&amp;lt;` stays `&lt;`), whitespace collapsed.
 */
export function textOf(html: string): string {
  return html
    .replace(/<!--.*?-->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}
