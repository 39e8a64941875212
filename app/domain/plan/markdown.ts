import { TEAM_LABELS, type Team } from "../membership";
import { STATUS_LABELS, type PlanStatus } from "../plan-status";
import { formatCell, formatMoney, formatNumber, type FormatOptions } from "./cells";
import { COLUMNS, type TableSection } from "./columns";
import type { MarketFunnel } from "./funnel";
import { escapeCell, escapeInline, richTextToMarkdown } from "./markdown-text";
import type { PlanContent } from "./project";

/**
 * A plan (or one version of it) as a Markdown document (DESIGN.md section 6,
 * Export): header, every section in the page's order with tables as
 * Markdown tables and the reverse funnel, then who must sign, the signatures
 * and the content hash, so the file can be checked against the app later.
 * Pure: the server gathers the facts, this only writes them.
 */

export interface MarkdownPerson {
  name: string;
  team: Team;
}

export interface MarkdownExport {
  content: PlanContent;
  status: PlanStatus;
  /** SHA-256 of the content's canonical JSON: what signatures name. */
  hash: string;
  /** The version exported; null for the plan's current content. */
  version: { number: number; name: string; createdAt: string } | null;
  signers: readonly MarkdownPerson[];
  signatures: ReadonlyArray<{
    signer: MarkdownPerson;
    decision: "approve" | "request_changes";
    note: string;
    hash: string;
    createdAt: string;
  }>;
  /** Member names by user id, for the owner columns; unknown ids show as "(former member)". */
  people: Readonly<Record<string, string>>;
}

const NONE = "—";

export function planToMarkdown(input: MarkdownExport): string {
  const { content } = input;
  const format: FormatOptions = { currency: content.meta.currency };
  const markets = new Map(content.targetMarkets.map((m) => [m.id, m.segment || "(unnamed market)"]));
  const refName = (key: string, value: unknown): string => {
    if (typeof value !== "string") return "";
    if (key === "targetMarketId") return markets.get(value) ?? "(removed market)";
    return input.people[value] ?? "(former member)";
  };
  const out: string[] = [];
  out.push(`# ${escapeInline(content.meta.title || "Untitled plan")}`);
  const version = input.version
    ? `v${input.version.number} · ${input.version.name} · ${utc(input.version.createdAt)}`
    : "Current content";
  out.push(
    [
      `- **Period:** ${escapeInline(content.meta.period || NONE)}`,
      `- **Currency:** ${escapeInline(content.meta.currency ?? NONE)}`,
      `- **Status:** ${escapeInline(STATUS_LABELS[input.status] ?? input.status)}`,
      `- **Version:** ${escapeInline(version)}`,
      `- **Content hash:** \`${input.hash}\``,
    ].join("\n"),
  );
  out.push("## Strategy", richTextToMarkdown(content.strategy));
  out.push("## Target markets", rowsTable("targetMarkets", content.targetMarkets, format, refName));
  out.push("## Revenue goals", rowsTable("revenueGoals", content.revenueGoals, format, refName));
  out.push("### Reverse funnel", funnelTable(content, markets, format));
  out.push("## Campaigns", rowsTable("campaigns", content.campaigns, format, refName));
  out.push("## Lead definitions");
  out.push("### MQL criteria", richTextToMarkdown(content.leadDefinitions.mqlCriteria, 3));
  out.push("### SQL criteria", richTextToMarkdown(content.leadDefinitions.sqlCriteria, 3));
  const fields = content.leadDefinitions.handoffFields;
  out.push(`**Hand-off fields:** ${fields.length ? fields.map(escapeInline).join(", ") : NONE}`);
  const sla = content.leadDefinitions.slaHours;
  out.push(`**Follow-up SLA:** ${sla === null ? NONE : `${formatNumber(sla)} hours`}`);
  out.push("## Customer journey", richTextToMarkdown(content.journey));
  out.push("## Glossary", rowsTable("glossary", content.glossary, format, refName));
  out.push(...signoff(input));
  return `${out.filter((part) => part.trim() !== "").join("\n\n")}\n`;
}

function signoff(input: MarkdownExport): string[] {
  const person = (p: MarkdownPerson) => `${escapeInline(p.name)} (${TEAM_LABELS[p.team] ?? p.team})`;
  const signers = input.signers.length
    ? input.signers.map((p) => `- ${person(p)}`).join("\n")
    : "None chosen.";
  const signatures = input.signatures.length
    ? input.signatures
        .map((s) => {
          const what = s.decision === "approve" ? "approved" : "requested changes";
          const note = s.note.trim() ? `: “${escapeInline(s.note.replace(/\s+/g, " ").trim())}”` : "";
          return `- ${person(s.signer)} ${what} on ${utc(s.createdAt)}, content hash \`${s.hash}\`${note}`;
        })
        .join("\n")
    : "No signatures on this content.";
  return [
    "## Sign-off",
    "### Required signers",
    signers,
    "### Signatures",
    signatures,
    `Content hash (SHA-256 of the canonical JSON of the plan's content): \`${input.hash}\``,
  ];
}

type Row = Readonly<Record<string, unknown>>;

/** A table section with the columns people see (no ids), values formatted as in the app. */
function rowsTable(
  section: TableSection,
  rows: readonly Row[],
  format: FormatOptions,
  refName: (key: string, value: unknown) => string,
): string {
  if (rows.length === 0) return "_None._";
  const columns = Object.entries(COLUMNS[section]).filter(([, spec]) => spec.kind !== "id");
  return table(
    columns.map(([, spec]) => spec.label),
    rows.map((row) =>
      columns.map(([key, spec]) =>
        spec.kind === "ref" ? refName(key, row[key]) : formatCell(section, key, row[key], format),
      ),
    ),
  );
}

function funnelTable(content: PlanContent, markets: Map<string, string>, format: FormatOptions): string {
  const { funnel } = content.derived;
  if (funnel.markets.length === 0) return "_No target markets yet._";
  const count = (n: number | null) => (n === null ? NONE : formatNumber(n));
  const line = (name: string, m: Omit<MarketFunnel, "targetMarketId">) => [
    name,
    formatMoney(m.revenueTarget, format.currency),
    count(m.dealsNeeded),
    count(m.sqlsNeeded),
    count(m.mqlsNeeded),
    count(m.expectedMqls),
    m.gap === null ? NONE : `${m.gap > 0 ? "+" : ""}${formatNumber(m.gap)}`,
  ];
  return table(
    ["Target market", "Revenue target", "Deals needed", "SQLs needed", "MQLs needed", "Expected MQLs", "Gap"],
    [
      ...funnel.markets.map((m) => line(markets.get(m.targetMarketId) ?? "(unnamed market)", m)),
      line("Total", funnel.total),
    ],
  );
}

/** A Markdown table; every cell is text, escaped here. */
function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const cell = (text: string) => escapeCell(text) || " ";
  return [
    `| ${header.map(cell).join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
  ].join("\n");
}

/** An ISO time as `2027-01-05 14:03 UTC`: the same in every export, wherever it runs. */
function utc(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
