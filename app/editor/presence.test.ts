import { describe, expect, test } from "vitest";
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import { readPresence, sectionOfPosition } from "./presence";

function plan() {
  const doc = new Y.Doc();
  const journey = doc.getXmlFragment("journey");
  const paragraph = new Y.XmlElement("paragraph");
  const text = new Y.XmlText();
  text.insert(0, "Awareness");
  paragraph.insert(0, [text]);
  journey.insert(0, [paragraph]);
  const lead = doc.getMap<unknown>("leadDefinitions");
  const mql = lead.set("mqlCriteria", new Y.XmlFragment());
  const mqlText = new Y.XmlText();
  mql.insert(0, [mqlText]);
  mqlText.insert(0, "Fit");
  return { doc, text, mqlText };
}

/** Another tab's presence, arriving as the server relays it. */
function join(into: Awareness, clientId: number, state: Record<string, unknown>) {
  const other = new Awareness(new Y.Doc({ gc: false }));
  other.clientID = clientId;
  other.setLocalState(state);
  other.setLocalState({ ...state }); // clock 1: a first state at clock 0 reads as nothing new
  applyAwarenessUpdate(into, encodeAwarenessUpdate(other, [clientId]), "server");
  other.destroy();
}

describe("presence", () => {
  test("the section of a caret is the top-level type above it, nested fragments included", () => {
    const { doc, text, mqlText } = plan();
    const at = (type: Y.XmlText) => Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(type, 2));
    expect(sectionOfPosition(doc, at(text))).toBe("journey");
    expect(sectionOfPosition(doc, at(mqlText))).toBe("leadDefinitions");
    expect(sectionOfPosition(doc, { nonsense: true })).toBeNull();
    expect(sectionOfPosition(doc, "not json")).toBeNull();
  });

  test("one entry per person, me first, with their published focus or their caret's section", () => {
    const { doc, text } = plan();
    const awareness = new Awareness(doc);
    awareness.setLocalState({ user: { id: "me", name: "Maya Patel", team: "marketing" } });
    const caret = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, 1));
    join(awareness, 101, {
      user: { id: "sam", name: "Sam Carter", team: "sales", color: "#2563eb" },
      cursor: { anchor: caret, head: caret },
    });
    join(awareness, 102, { user: { id: "sam", name: "Sam Carter", team: "sales" } }); // a second tab, idle
    join(awareness, 103, {
      user: { id: "lena", name: "Lena Fischer", team: "nonsense" },
      focus: { section: "campaigns", rowId: "r" },
    });
    join(awareness, 104, { user: { name: "No id" } });
    join(awareness, 105, { cursor: null });

    const people = readPresence(awareness, doc, "me");
    expect(people.map((p) => [p.name, p.isMe, p.team, p.section])).toEqual([
      ["Maya Patel", true, "marketing", null],
      ["Lena Fischer", false, "other", "campaigns"],
      ["Sam Carter", false, "sales", "journey"],
    ]);
  });
});
