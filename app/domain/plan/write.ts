import * as Y from "yjs";
import {
  CAMPAIGN_KEYS,
  GLOSSARY_KEYS,
  META_KEYS,
  REVENUE_GOAL_KEYS,
  RICH_TEXT,
  SECTION,
  TARGET_MARKET_KEYS,
} from "./layout";
import { writeRichText } from "./rich-text";
import { isUuid, type PlanSections } from "./schemas";

/**
 * Writes plain plan content into a Y.Doc, following layout.ts. The template
 * and "next quarter from this one" use it on a fresh doc; restoring a version
 * can use it on the live doc, because it changes only what differs: rows are
 * matched by id and only changed cells are set, and rich text is patched
 * block by block, so comment anchors and concurrent edits elsewhere survive.
 */

/**
 * Makes `doc` hold `content`, in one transaction tagged with `origin`.
 * Cells are stored as plain values (numbers as numbers, empty as null);
 * rows without a valid id, and repeats of an id, are skipped.
 */
export function writePlanContent(doc: Y.Doc, content: PlanSections, origin: unknown = null): void {
  doc.transact(() => {
    writeMap(doc.getMap(SECTION.meta), META_KEYS, content.meta);
    writeRichText(doc.getXmlFragment(RICH_TEXT.strategy.section), content.strategy);
    writeRows(doc.getArray(SECTION.targetMarkets), TARGET_MARKET_KEYS, content.targetMarkets);
    writeRows(doc.getArray(SECTION.revenueGoals), REVENUE_GOAL_KEYS, content.revenueGoals);
    writeRows(doc.getArray(SECTION.campaigns), CAMPAIGN_KEYS, content.campaigns);
    writeLeadDefinitions(doc.getMap(SECTION.leadDefinitions), content.leadDefinitions);
    writeRichText(doc.getXmlFragment(RICH_TEXT.journey.section), content.journey);
    writeRows(doc.getArray(SECTION.glossary), GLOSSARY_KEYS, content.glossary);
  }, origin);
}

/**
 * The lead definitions map with its nested types. Nested Y types must be
 * created exactly once per document (two clients creating `mqlCriteria` at
 * once would each get their own and one would lose), so the server's
 * template creates them and clients only ever fill them.
 */
function writeLeadDefinitions(map: Y.Map<unknown>, content: PlanSections["leadDefinitions"]): void {
  writeRichText(nestedFragment(map, RICH_TEXT.mqlCriteria.key), content.mqlCriteria);
  writeRichText(nestedFragment(map, RICH_TEXT.sqlCriteria.key), content.sqlCriteria);
  const fields = nestedArray(map, "handoffFields");
  const wanted = content.handoffFields.filter((field) => typeof field === "string");
  if (!sameValues(fields.toArray(), wanted)) {
    fields.delete(0, fields.length);
    fields.insert(0, wanted);
  }
  setCell(map, "slaHours", content.slaHours);
}

function nestedFragment(map: Y.Map<unknown>, key: string): Y.XmlFragment {
  const existing = map.get(key);
  if (existing instanceof Y.XmlFragment) return existing;
  return map.set(key, new Y.XmlFragment());
}

function nestedArray(map: Y.Map<unknown>, key: string): Y.Array<unknown> {
  const existing = map.get(key);
  if (existing instanceof Y.Array) return existing;
  return map.set(key, new Y.Array<unknown>());
}

function writeMap(map: Y.Map<unknown>, keys: readonly string[], values: object): void {
  const record = values as Record<string, unknown>;
  for (const key of keys) setCell(map, key, record[key]);
}

/**
 * Makes the array hold `rows` in order. Rows that stay keep their Y.Map (and
 * so their comments and concurrent edits); when the kept rows were reordered
 * the array is rebuilt instead, which is rare and still correct.
 */
function writeRows(array: Y.Array<unknown>, keys: readonly string[], rows: readonly object[]): void {
  const wanted = uniqueRows(rows as ReadonlyArray<Record<string, unknown>>);
  const wantedIds = new Set(wanted.map((row) => row.id));
  const ids = array.toArray().map(idOf);
  for (let i = ids.length - 1; i >= 0; i--) {
    const id = ids[i];
    if (id === null || id === undefined || !wantedIds.has(id) || ids.indexOf(id) !== i) array.delete(i, 1);
  }
  const kept = array.toArray().map(idOf);
  const keptInWantedOrder = wanted.map((row) => row.id).filter((id) => kept.includes(id));
  if (!sameValues(kept, keptInWantedOrder)) array.delete(0, array.length);
  wanted.forEach((row, index) => {
    const current = index < array.length ? array.get(index) : undefined;
    if (current instanceof Y.Map && current.get("id") === row.id) writeMap(current, keys, row);
    else array.insert(index, [new Y.Map(keys.map((key) => [key, cellValue(row[key])]))]);
  });
}

function uniqueRows(
  rows: ReadonlyArray<Record<string, unknown>>,
): Array<Record<string, unknown> & { id: string }> {
  const seen = new Set<string>();
  return rows.filter((row): row is Record<string, unknown> & { id: string } => {
    if (!isUuid(row.id) || seen.has(row.id)) return false;
    seen.add(row.id);
    return true;
  });
}

function idOf(item: unknown): string | null {
  const id: unknown = item instanceof Y.Map ? item.get("id") : null;
  return isUuid(id) ? id : null;
}

function setCell(map: Y.Map<unknown>, key: string, value: unknown): void {
  const stored = cellValue(value);
  if (map.get(key) !== stored || !map.has(key)) map.set(key, stored);
}

/** Cells hold JSON primitives only; anything else is stored as empty. */
function cellValue(value: unknown): string | number | boolean | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  return null;
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
