import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { planToMarkdown, type MarkdownExport } from "./markdown";
import { escapeCell, richTextToMarkdown } from "./markdown-text";
import { projectPlan } from "./project";
import type { RichDoc, RichNode } from "./rich-text";
import type { PlanSections } from "./schemas";
import { planContentUpdate, planTemplate } from "./template";

const HASH = "0123456789abcdef".repeat(4);
const MAYA = "5e2a2f5c-8a7b-4c1d-9e3f-0a1b2c3d4e5f";
const MARKET = "1f0c5d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f";

function contentOf(change: (sections: PlanSections) => void) {
  const sections = planTemplate({ title: "2027-Q1 joint plan", period: "2027-Q1", currency: "EUR" });
  change(sections);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, planContentUpdate(sections));
  return projectPlan(doc);
}

function exportOf(change: (sections: PlanSections) => void, extra: Partial<MarkdownExport> = {}): string {
  return planToMarkdown({
    content: contentOf(change),
    status: "in_review",
    hash: HASH,
    version: null,
    signers: [],
    signatures: [],
    people: { [MAYA]: "Maya Marketing" },
    ...extra,
  });
}

const text = (value: string, marks?: RichNode["marks"]): RichNode => ({
  type: "text",
  text: value,
  ...(marks ? { marks } : {}),
});
const paragraph = (...content: RichNode[]): RichNode => ({ type: "paragraph", content });
const doc = (...content: RichNode[]): RichDoc => ({ type: "doc", content });

describe("richTextToMarkdown", () => {
  it("writes headings one level under the section, lists, bold, italic and safe links", () => {
    const markdown = richTextToMarkdown(
      doc(
        { type: "heading", attrs: { level: 2 }, content: [text("Positioning")] },
        paragraph(
          text("We are "),
          text("the", [{ type: "bold" }]),
          text(" best", [{ type: "bold" }, { type: "italic" }]),
          text(" choice, see "),
          text("our site", [{ type: "link", attrs: { href: "https://example.com/a b" } }]),
          text("."),
        ),
        {
          type: "bulletList",
          content: [
            { type: "listItem", content: [paragraph(text("Retail"))] },
            {
              type: "listItem",
              content: [
                paragraph(text("Logistics")),
                {
                  type: "orderedList",
                  attrs: { start: 3 },
                  content: [{ type: "listItem", content: [paragraph(text("EMEA"))] }],
                },
              ],
            },
          ],
        },
      ),
    );
    expect(markdown).toBe(
      [
        "### Positioning",
        "",
        "We are **the *best*** choice, see [our site](<https://example.com/a%20b>).",
        "",
        "- Retail",
        "- Logistics",
        "  3. EMEA",
      ].join("\n"),
    );
  });

  it("writes a javascript: link as its text, and escapes what would be Markdown or HTML", () => {
    const markdown = richTextToMarkdown(
      doc(
        paragraph(text("click me", [{ type: "link", attrs: { href: "javascript:alert(1)" } }])),
        paragraph(text("<img src=x onerror=alert(1)> *not bold* [x](https://evil.test) # no heading")),
        paragraph(text("- not a list")),
        paragraph(text("1. not numbered")),
      ),
    );
    expect(markdown).not.toContain("javascript:");
    // No unescaped link syntax is left.
    expect(markdown).not.toMatch(/(^|[^\\])\]\(/);
    expect(markdown).toBe(
      [
        "click me",
        "",
        "\\<img src=x onerror=alert(1)\\> \\*not bold\\* \\[x\\](https://evil.test) \\# no heading",
        "",
        "\\- not a list",
        "",
        "1\\. not numbered",
      ].join("\n"),
    );
  });

  it("keeps code as code, with a fence longer than any backticks inside", () => {
    const markdown = richTextToMarkdown(doc(paragraph(text("run "), text("a ` b", [{ type: "code" }]))));
    expect(markdown).toBe("run ``a ` b``");
  });
});

describe("escapeCell", () => {
  it("escapes pipes and Markdown control characters and keeps a cell on one line", () => {
    expect(escapeCell("A | B\n*C* _D_ `E` <b>")).toBe("A \\| B \\*C\\* \\_D\\_ \\`E\\` \\<b\\>");
  });
});

describe("planToMarkdown", () => {
  it("has the header, tables with formatted money and percentages, the funnel and the hash", () => {
    const markdown = exportOf((s) => {
      s.targetMarkets = [
        {
          id: MARKET,
          segment: "Retail | Mid-market",
          icp: "Stores *20+*",
          region: "NA",
          companySize: "",
          priority: "high",
          ownerId: MAYA,
        },
      ];
      s.revenueGoals = [
        {
          id: "9b41c3d2-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
          targetMarketId: MARKET,
          period: "2027-Q1",
          revenueTarget: 1_200_000,
          pipelineTarget: 3_600_000,
          avgDealSize: 48_000,
          winRate: 0.25,
          mqlToSqlRate: 0.2,
          marketingSourcedShare: 0.6,
        },
      ];
    });
    expect(markdown).toMatch(/^# 2027-Q1 joint plan\n/);
    expect(markdown).toContain("- **Period:** 2027-Q1");
    expect(markdown).toContain("- **Currency:** EUR");
    expect(markdown).toContain("- **Status:** In review");
    expect(markdown).toContain(`- **Content hash:** \`${HASH}\``);
    expect(markdown).toContain(
      "| Retail \\| Mid-market | Stores \\*20+\\* | NA |   | High | Maya Marketing |",
    );
    expect(markdown).toContain(
      "| Retail \\| Mid-market | 2027-Q1 | €1,200,000 | €3,600,000 | €48,000 | 25% | 20% | 60% |",
    );
    expect(markdown).toContain("| Retail \\| Mid-market | €1,200,000 | 25 | 100 | 500 | 0 | -500 |");
    expect(markdown).toContain("**Follow-up SLA:** 24 hours");
    expect(markdown).toContain(
      `Content hash (SHA-256 of the canonical JSON of the plan's content): \`${HASH}\``,
    );
  });

  it("lists the required signers and each signature with its time, hash and note", () => {
    const markdown = exportOf(() => {}, {
      version: { number: 4, name: "Submitted for sign-off", createdAt: "2027-01-05T14:03:09.000Z" },
      signers: [
        { name: "Raj Patel", team: "sales" },
        { name: "Lena | Fischer", team: "marketing" },
      ],
      signatures: [
        {
          signer: { name: "Raj Patel", team: "sales" },
          decision: "approve",
          note: "Looks *good*",
          hash: HASH,
          createdAt: "2027-01-06T09:30:00.000Z",
        },
      ],
    });
    expect(markdown).toContain("- **Version:** v4 · Submitted for sign-off · 2027-01-05 14:03 UTC");
    expect(markdown).toContain("- Raj Patel (Sales)\n- Lena \\| Fischer (Marketing)");
    expect(markdown).toContain(
      `- Raj Patel (Sales) approved on 2027-01-06 09:30 UTC, content hash \`${HASH}\`: “Looks \\*good\\*”`,
    );
  });

  it("says so when nothing is signed or chosen", () => {
    const markdown = exportOf(() => {});
    expect(markdown).toContain("### Required signers\n\nNone chosen.");
    expect(markdown).toContain("No signatures on this content.");
    expect(markdown).toContain("## Target markets\n\n_None._");
  });
});
