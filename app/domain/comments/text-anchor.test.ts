import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { resolveTextAnchor, textFieldFragment, textRangeAnchor } from "./text-anchor";

function docWith(paragraphs: string[]): Y.Doc {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment("strategy");
  fragment.insert(
    0,
    paragraphs.map((text) => {
      const p = new Y.XmlElement("paragraph");
      p.insert(0, [new Y.XmlText(text)]);
      return p;
    }),
  );
  return doc;
}

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

const textOf = (doc: Y.Doc, p: number) =>
  (doc.getXmlFragment("strategy").get(p) as Y.XmlElement).get(0) as Y.XmlText;

describe("text anchors", () => {
  it("quotes the range and resolves it while nothing changed", () => {
    const doc = docWith(["We lead with the data platform.", "Pricing stays flat."]);
    const anchor = textRangeAnchor(doc.getXmlFragment("strategy"), 17, 30)!;
    expect(anchor.quote).toBe("data platform");
    expect(resolveTextAnchor(doc, doc.getXmlFragment("strategy"), anchor)).toEqual({
      from: 17,
      to: 30,
      text: "data platform",
    });
  });

  it("spans paragraphs and joins them with a space", () => {
    const doc = docWith(["One two", "three four"]);
    const anchor = textRangeAnchor(doc.getXmlFragment("strategy"), 4, 12)!;
    expect(anchor.quote).toBe("two three");
  });

  it("follows concurrent edits before, inside and at the edges of the range", () => {
    const a = docWith(["We lead with the data platform."]);
    const b = new Y.Doc();
    sync(a, b);
    const anchor = textRangeAnchor(b.getXmlFragment("strategy"), 17, 30)!;
    textOf(a, 0).insert(0, "This quarter ");
    textOf(a, 0).delete(13 + 3, 5); // "lead "
    sync(a, b);
    textOf(b, 0).insert(textOf(b, 0).toString().indexOf("platform"), "analytics ");
    const inA = resolveTextAnchor(a, a.getXmlFragment("strategy"), anchor);
    sync(a, b);
    const resolvedA = resolveTextAnchor(a, a.getXmlFragment("strategy"), anchor)!;
    const resolvedB = resolveTextAnchor(b, b.getXmlFragment("strategy"), anchor)!;
    expect(inA?.text).toBe("data platform");
    expect(resolvedA.text).toBe("data analytics platform");
    expect(resolvedB).toEqual(resolvedA);
  });

  it("keeps text typed right before or after the range outside it", () => {
    const doc = docWith(["alpha beta gamma"]);
    const anchor = textRangeAnchor(doc.getXmlFragment("strategy"), 6, 10)!;
    textOf(doc, 0).insert(10, "X");
    textOf(doc, 0).insert(6, "Y");
    expect(resolveTextAnchor(doc, doc.getXmlFragment("strategy"), anchor)?.text).toBe("beta");
  });

  it("detaches when the words or their paragraph are deleted", () => {
    const doc = docWith(["alpha beta gamma", "second"]);
    const fragment = doc.getXmlFragment("strategy");
    const words = textRangeAnchor(fragment, 6, 10)!;
    const paragraph = textRangeAnchor(fragment, 16, 22)!;
    textOf(doc, 0).delete(5, 5);
    expect(resolveTextAnchor(doc, fragment, words)).toBeNull();
    fragment.delete(1, 1);
    expect(resolveTextAnchor(doc, fragment, paragraph)).toBeNull();
  });

  it("refuses positions that do not decode or belong to another fragment", () => {
    const doc = docWith(["alpha beta"]);
    const other = doc.getXmlFragment("journey");
    const anchor = textRangeAnchor(doc.getXmlFragment("strategy"), 0, 5)!;
    expect(resolveTextAnchor(doc, other, anchor)).toBeNull();
    expect(
      resolveTextAnchor(doc, doc.getXmlFragment("strategy"), { start: "!!", end: anchor.end }),
    ).toBeNull();
    expect(textRangeAnchor(doc.getXmlFragment("strategy"), 3, 3)).toBeNull();
  });

  it("finds fragments only where the plan has them", () => {
    const doc = new Y.Doc();
    expect(textFieldFragment(doc, "strategy")).toBeNull();
    expect(textFieldFragment(doc, "mqlCriteria")).toBeNull();
    doc.getMap("leadDefinitions").set("mqlCriteria", new Y.XmlFragment());
    expect(textFieldFragment(doc, "mqlCriteria")).toBeInstanceOf(Y.XmlFragment);
  });
});
