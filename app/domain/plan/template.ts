import * as Y from "yjs";
import { type RichDoc, type RichNode } from "./rich-text";
import { projectSections } from "./project";
import { MetaSchema, type PlanMeta, type PlanSections } from "./schemas";
import { writePlanContent } from "./write";

/**
 * How a plan document comes to exist. The server seeds every new plan with
 * a Yjs update (never `setContent` on load, which would duplicate content
 * when two clients load at once), built here so every section and every
 * nested type exists before the first client connects.
 */

/** What a new plan is created with: the checked fields of `PlanCreateSchema` (forms.ts). */
export interface NewPlanMeta {
  title: string;
  period: string;
  currency: string;
}

/**
 * The update that creates a new plan from the template: meta filled, every
 * section present, rich text with headings and one-line hints, empty tables
 * (the UI shows their hints), lead definitions with their nested types and
 * sensible defaults. Throws on invalid meta: callers validate user input first.
 */
export function newPlanUpdate(meta: NewPlanMeta): Uint8Array {
  return planContentUpdate(planTemplate(checkedMeta(meta)));
}

/**
 * "Next quarter from this one": a new plan document holding `source`'s
 * content under new meta. It is rebuilt from the projection rather than
 * copied as a Yjs update, so it carries none of the old history, deleted
 * content or client ids. Rows keep their ids (ids are per document);
 * revenue goal periods are left as they were, for the planners to move on.
 */
export function copyPlanUpdate(source: Y.Doc, meta: NewPlanMeta): Uint8Array {
  return planContentUpdate({ ...projectSections(source), meta: checkedMeta(meta) });
}

/** The template's content: what `newPlanUpdate` writes, as plain JSON. */
export function planTemplate(meta: PlanMeta): PlanSections {
  return {
    meta,
    strategy: outline([
      [
        "Positioning",
        "For whom we are the best choice, which problem we solve, and why us rather than the alternatives.",
      ],
      ["Products", "Which products and packages we push this quarter, and to which target markets."],
      ["Pricing", "List prices, discount guardrails, and who approves exceptions."],
      ["Channels", "Where marketing creates demand and where sales closes it: direct, partners, self-serve."],
    ]),
    targetMarkets: [],
    revenueGoals: [],
    campaigns: [],
    leadDefinitions: {
      mqlCriteria: outline([
        [
          "Fit",
          "Company size, industry, region and role match the ideal customer profile of a target market.",
        ],
        [
          "Engagement",
          "A threshold both teams accept, e.g. a score of 50 within 30 days, or one high-intent action such as a demo request.",
        ],
      ]),
      sqlCriteria: outline([
        ["Budget", "The buyer has, or can get, money for a solution of our size."],
        ["Authority", "We speak with the decision maker, or know who it is and how they decide."],
        ["Need", "A problem we solve, in the buyer's own words, that they want solved."],
        ["Timing", "A decision is expected within the horizon we plan for, e.g. this quarter or next."],
      ]),
      handoffFields: ["Company", "Contact", "Role", "Need", "Timeline", "Source campaign"],
      slaHours: 24,
    },
    journey: outline([
      [
        "Awareness · owner: Marketing",
        "Tollgate: the contact engages (reads, attends, downloads) and becomes a known lead.",
      ],
      [
        "Interest → MQL · owner: Marketing",
        "Tollgate: the lead meets the MQL criteria and is handed to sales with every hand-off field.",
      ],
      [
        "Qualification → SQL · owner: Sales development",
        "Tollgate: followed up within the SLA; budget, authority, need and timing confirmed.",
      ],
      [
        "Evaluation · owner: Account executive",
        "Tollgate: a proposal is out and the buyer's decision process is known.",
      ],
      [
        "Decision · owner: Account executive",
        "Tollgate: contract signed, or lost with a reason recorded for marketing.",
      ],
      [
        "Onboarding and growth · owner: Customer success",
        "Tollgate: live and successful; references and expansion go back to marketing.",
      ],
    ]),
    glossary: [],
  };
}

function checkedMeta(meta: NewPlanMeta): PlanMeta {
  const parsed = MetaSchema.safeParse(meta);
  if (parsed.success) return parsed.data;
  const reasons = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
  throw new Error(`Invalid plan meta (${reasons})`);
}

/** A Yjs update that creates a document holding `content`: how seeds and copies start. */
export function planContentUpdate(content: PlanSections): Uint8Array {
  const doc = new Y.Doc();
  try {
    writePlanContent(doc, content);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** Level-2 headings, each followed by a one-line hint paragraph. */
function outline(items: ReadonlyArray<readonly [heading: string, hint: string]>): RichDoc {
  const text = (value: string): RichNode[] => [{ type: "text", text: value }];
  const content = items.flatMap(([heading, hint]): RichNode[] => [
    { type: "heading", attrs: { level: 2 }, content: text(heading) },
    { type: "paragraph", content: text(hint) },
  ]);
  return { type: "doc", content };
}
