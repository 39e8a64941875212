import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * The table a run prints and the JSON it leaves in bench/results/. Every
 * comparable figure gets a ratio that reads the same way: below 1 means
 * Accord did better (Accord/reference for lower-is-better figures,
 * reference/Accord for throughput).
 */
export interface Figure {
  key: string;
  label: string;
  unit: string;
  better: "lower" | "higher";
  /** undefined: not measured in this run. */
  accord?: number;
  /** undefined: not applicable (Accord-only figure) or not measured. */
  reference?: number;
  /**
   * Set when `reference` is not the reference server but another figure of
   * Accord in the same run (comments have no counterpart in y-websocket):
   * what it is. The ratio is then shown for scale, not held to ≤ 1.
   */
  baseline?: string;
  /** An absolute target for Accord, besides ratio ≤ 1 when there is a reference. */
  goal?: { text: string; limit: number };
  /** Why a figure is missing, or what to keep in mind reading it. */
  note?: string;
}

export function ratioOf(f: Figure): number | undefined {
  if (
    f.accord === undefined ||
    f.reference === undefined ||
    !Number.isFinite(f.accord) ||
    !Number.isFinite(f.reference)
  ) {
    return undefined;
  }
  return f.better === "lower" ? f.accord / f.reference : f.reference / f.accord;
}

/** Whether the figure meets its goals: ratio ≤ 1 (if comparable) and its absolute limit (if any). */
export function metOf(f: Figure): boolean | undefined {
  if (f.accord === undefined || !Number.isFinite(f.accord)) return undefined;
  const ratio = f.baseline ? undefined : ratioOf(f);
  const absolute = f.goal
    ? f.better === "lower"
      ? f.accord <= f.goal.limit
      : f.accord >= f.goal.limit
    : true;
  return (ratio === undefined || ratio <= 1) && absolute;
}

function show(value: number | undefined, unit: string): string {
  if (value === undefined) return "—";
  if (!Number.isFinite(value)) return "n/a";
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
}

export function formatTable(figures: Figure[]): string {
  const header = ["Figure", "Accord", "@y/websocket-server", "ratio*", "goal", "met"];
  const rows = figures.map((f) => {
    const ratio = ratioOf(f);
    const met = metOf(f);
    const goals = [f.reference !== undefined && !f.baseline ? "ratio ≤ 1" : "", f.goal?.text ?? ""]
      .filter(Boolean)
      .join(", ");
    return [
      f.label,
      f.accord === undefined ? "not measured" : show(f.accord, f.unit),
      f.reference === undefined ? "—" : show(f.reference, f.unit),
      ratio === undefined ? "—" : `${ratio.toFixed(2)}${f.baseline ? "†" : ""}`,
      goals || "—",
      met === undefined ? "—" : met ? "yes" : "NO",
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  const out = [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
  out.push(
    "",
    "* ratio < 1 means Accord is better: Accord/reference for lower-is-better figures,",
    "  reference/Accord for throughput (higher is better).",
  );
  const baselines = figures.filter((f) => f.baseline);
  if (baselines.length) {
    out.push(
      "† not against the reference server: the column holds Accord's own " +
        [...new Set(baselines.map((f) => f.baseline))].join("; ") +
        " in the same run, for scale.",
    );
  }
  const notes = figures.filter((f) => f.note);
  if (notes.length) out.push("", ...notes.map((f) => `- ${f.label}: ${f.note}`));
  return out.join("\n");
}

/** Writes `bench/results/<timestamp>.json` and `bench/results/latest.json` (each via a .tmp file). */
export async function writeResults(dir: string, startedAt: Date, results: unknown): Promise<string> {
  await mkdir(dir, { recursive: true });
  const text =
    JSON.stringify(
      results,
      (_key, value: unknown) => (typeof value === "number" && !Number.isFinite(value) ? null : value),
      2,
    ) + "\n";
  const name = `${startedAt.toISOString().replaceAll(":", "-")}.json`;
  for (const file of [name, "latest.json"]) {
    const target = path.join(dir, file);
    await writeFile(`${target}.tmp`, text);
    await rename(`${target}.tmp`, target);
  }
  return path.join(dir, name);
}
