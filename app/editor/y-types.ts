import * as Y from "yjs";
import { type SECTION } from "../domain/plan";

/**
 * The plan's shared types as the editor reaches them. A raw Yjs peer can
 * define a name with another type, and then Yjs throws: these return null
 * instead, and the page shows that part as unavailable. Nested types (the
 * lead definitions' fragments and list) are only ever read here, never
 * created: the server's template creates them exactly once.
 */

export function topFragment(
  doc: Y.Doc,
  name: typeof SECTION.strategy | typeof SECTION.journey,
): Y.XmlFragment | null {
  try {
    return doc.getXmlFragment(name);
  } catch {
    return null;
  }
}

export function topMap(
  doc: Y.Doc,
  name: typeof SECTION.meta | typeof SECTION.leadDefinitions,
): Y.Map<unknown> | null {
  try {
    return doc.getMap<unknown>(name);
  } catch {
    return null;
  }
}

export function nestedFragment(map: Y.Map<unknown> | null, key: string): Y.XmlFragment | null {
  const value = map?.get(key);
  return value instanceof Y.XmlFragment ? value : null;
}

export function nestedArray(map: Y.Map<unknown> | null, key: string): Y.Array<unknown> | null {
  const value = map?.get(key);
  return value instanceof Y.Array ? value : null;
}
