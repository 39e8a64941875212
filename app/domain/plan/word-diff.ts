/**
 * Words added and removed between two texts (Myers' O(ND) difference
 * algorithm over word tokens). Whitespace separates tokens and is kept with
 * the word before it, so joining the parts of a diff gives back the texts.
 */

export type WordPart = { type: "same" | "added" | "removed"; text: string };

/** The diff of two texts as runs of unchanged, removed and added words. */
export function diffWords(before: string, after: string): WordPart[] {
  const a = tokens(before);
  const b = tokens(after);
  const script = myers(a, b);
  const parts: WordPart[] = [];
  for (const [type, text] of script) {
    const last = parts[parts.length - 1];
    if (last && last.type === type) last.text += text;
    else parts.push({ type, text });
  }
  return parts;
}

/** How many words a diff adds and removes. */
export function countWords(parts: readonly WordPart[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const part of parts) {
    const words = part.text.split(/\s+/).filter(Boolean).length;
    if (part.type === "added") added += words;
    if (part.type === "removed") removed += words;
  }
  return { added, removed };
}

function tokens(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/** Compares tokens without their trailing whitespace: a reflowed line is not a change. */
const same = (x: string, y: string) => x.trimEnd() === y.trimEnd();

/** Past this many edits two texts have little in common: show one as removed and the other as added. */
const MAX_EDITS = 2_000;

function myers(a: string[], b: string[]): ["same" | "added" | "removed", string][] {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    // Only diagonals -d..d can be read at step d: keep that slice (O(D²) memory, not O(D·N)).
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && same(a[x]!, b[y]!)) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  if (!found) {
    return [
      ...a.map((t): ["removed", string] => ["removed", t]),
      ...b.map((t): ["added", string] => ["added", t]),
    ];
  }
  // Walk the trace back from the end to recover the edit script.
  const script: ["same" | "added" | "removed", string][] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!;
    // Index of diagonal k in the slice kept at step d.
    const at = (k: number) => vd[k + d + 1]!;
    const k = x - y;
    const prevK = d === 0 ? 0 : k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      script.push(["same", b[y - 1]!]);
      x--;
      y--;
    }
    if (d === 0) break;
    if (x === prevX) script.push(["added", b[y - 1]!]);
    else script.push(["removed", a[x - 1]!]);
    x = prevX;
    y = prevY;
  }
  return script.reverse();
}
