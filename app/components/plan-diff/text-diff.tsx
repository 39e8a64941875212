import type { WordPart } from "../../domain/plan";

/**
 * Words added and removed in a rich-text section, inline in its text:
 * added words underlined on green, removed ones struck through on red, and
 * each run named in words for screen readers, since <ins> and <del> are not
 * announced by most of them and colour alone says nothing.
 */
export function TextDiff({ parts }: { parts: readonly WordPart[] }) {
  return (
    <p className="text-diff">
      {parts.map((part, i) => {
        if (part.type === "same") return <span key={i}>{part.text}</span>;
        if (part.type === "added") {
          return (
            <ins key={i} className="diff-added">
              <span className="visually-hidden">[added: </span>
              {part.text}
              <span className="visually-hidden">]</span>
            </ins>
          );
        }
        return (
          <del key={i} className="diff-removed">
            <span className="visually-hidden">[removed: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </del>
        );
      })}
    </p>
  );
}

/** "3 words added, 1 removed". */
export function wordCounts(added: number, removed: number): string {
  const words = (n: number) => `${n} ${n === 1 ? "word" : "words"}`;
  if (added && removed) return `${words(added)} added, ${removed} removed`;
  if (added) return `${words(added)} added`;
  if (removed) return `${words(removed)} removed`;
  return "Spacing changed";
}

/** The key to the diff's marks, in words as well as colour. */
export function DiffLegend() {
  return (
    <p className="diff-legend">
      <ins className="diff-added">Added</ins> words are underlined on green,{" "}
      <del className="diff-removed">removed</del> ones struck through on red; changed cells read before →
      after.
    </p>
  );
}
