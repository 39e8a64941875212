import type { VersionSummaryJson } from "./schemas";

/**
 * What reviewers compare the version under review with (DESIGN.md section
 * 5): the last approved version before it, or else the previous submission.
 * Null for a first submission, which has nothing to compare with.
 * `versions` in any order.
 */
export function reviewBaseOf(
  versions: readonly Pick<VersionSummaryJson, "id" | "number" | "kind">[],
  underReview: Pick<VersionSummaryJson, "id" | "number">,
): string | null {
  const earlier = versions
    .filter((v) => v.number < underReview.number && v.id !== underReview.id)
    .sort((a, b) => b.number - a.number);
  const approved = earlier.find((v) => v.kind === "approved");
  if (approved) return approved.id;
  return earlier.find((v) => v.kind === "submitted")?.id ?? null;
}
