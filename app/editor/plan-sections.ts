import type { SectionName } from "../domain/plan";

/**
 * The sections of the plan page, in reading order, as people see them: the
 * section index, the cards, "Following Maya" and the presence dots all use
 * these labels, so a section is called the same everywhere. `meta` is the
 * page header, not a section card.
 */
export type PageSection = Exclude<SectionName, "meta">;

export interface PageSectionInfo {
  name: PageSection;
  label: string;
  /** One line under the heading: what belongs here. */
  hint: string;
}

export const PAGE_SECTIONS: readonly PageSectionInfo[] = [
  {
    name: "strategy",
    label: "Strategy",
    hint: "Positioning, products, pricing and channels: the story both teams tell.",
  },
  {
    name: "targetMarkets",
    label: "Target markets",
    hint: "The segments we go after together, and who owns each one.",
  },
  {
    name: "revenueGoals",
    label: "Revenue goals",
    hint: "What each market must bring in, and the funnel it takes to get there.",
  },
  {
    name: "campaigns",
    label: "Campaigns",
    hint: "What marketing runs, for which market, and the MQLs each should bring.",
  },
  {
    name: "leadDefinitions",
    label: "Lead definitions",
    hint: "When a lead is marketing-qualified, when sales accepts it, and how fast sales follows up.",
  },
  {
    name: "journey",
    label: "Customer journey",
    hint: "The stages a buyer goes through, the tollgate of each, and who owns every touch point.",
  },
  {
    name: "glossary",
    label: "Glossary",
    hint: "Words both teams use, and the one meaning we agree on.",
  },
];

const BY_NAME = new Map(PAGE_SECTIONS.map((s) => [s.name, s]));

export function isPageSection(name: unknown): name is PageSection {
  return typeof name === "string" && BY_NAME.has(name as PageSection);
}

export function sectionLabel(name: PageSection): string {
  return BY_NAME.get(name)?.label ?? name;
}

/** The id of a section's card: the anchor of the index and of "follow". */
export function sectionAnchor(name: PageSection): string {
  return `section-${name}`;
}
