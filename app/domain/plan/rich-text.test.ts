import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { planSchema } from "./extensions";
import {
  emptyRichDoc,
  isPlanRichDoc,
  readRichText,
  richTextToPlainText,
  sanitizeRichDoc,
  writeRichText,
  type RichDoc,
} from "./rich-text";

const text = (value: string, marks?: unknown[]) => ({
  type: "text",
  text: value,
  ...(marks ? { marks } : {}),
});
const paragraph = (...content: unknown[]) => ({ type: "paragraph", content });

const SAMPLE: RichDoc = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Positioning" }] },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "We win ", marks: [{ type: "bold" }] },
        {
          type: "text",
          text: "mid-market",
          marks: [
            {
              type: "link",
              attrs: {
                href: "https://example.com/",
                target: "_blank",
                rel: "noopener noreferrer nofollow",
                class: null,
                title: null,
              },
            },
          ],
        },
      ],
    },
    {
      type: "bulletList",
      content: [
        { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "one" }] }] },
      ],
    },
  ],
};

function fragmentOf(json: unknown): Y.XmlFragment {
  const fragment = new Y.Doc().getXmlFragment("f");
  prosemirrorJSONToYXmlFragment(planSchema, json, fragment);
  return fragment;
}

describe("readRichText", () => {
  it("reads what the editor writes, as yXmlFragmentToProsemirrorJSON does, normalised", () => {
    const fragment = fragmentOf(SAMPLE);
    const ours = readRichText(fragment);
    expect(ours).toEqual(SAMPLE);
    expect(isPlanRichDoc(ours)).toBe(true);
    // Same content as y-tiptap's own reader, once both are run through the schema.
    const theirs = planSchema.nodeFromJSON(yXmlFragmentToProsemirrorJSON(fragment)).toJSON();
    expect(ours).toEqual(theirs);
  });

  it("reads an empty or missing fragment as one empty paragraph", () => {
    expect(readRichText(new Y.Doc().getXmlFragment("f"))).toEqual(emptyRichDoc());
    expect(readRichText(null)).toEqual(emptyRichDoc());
  });

  it("survives what a raw peer can put in a fragment", () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment("f");
    const hook = new Y.XmlHook("evil");
    const script = new Y.XmlElement("script");
    script.insert(0, [new Y.XmlText("alert(1)")]);
    const loose = new Y.XmlText();
    // A hook is not a valid fragment child for the types, but a raw peer can send one.
    fragment.insert(0, [hook as unknown as Y.XmlElement, script, loose, new Y.XmlElement("paragraph")]);
    loose.insert(0, "loose text", { bold: true, "comment--abcdefgh": { id: 1 }, madeUp: {} });
    loose.insertEmbed(0, { image: "x" });
    const json = readRichText(fragment);
    expect(json).toEqual({
      type: "doc",
      content: [paragraph(text("alert(1)")), paragraph(text("loose text")), { type: "paragraph" }],
    });
    expect(isPlanRichDoc(json)).toBe(true);
  });

  it("flattens absurdly deep nesting instead of overflowing the stack", () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment("f");
    doc.transact(() => {
      let parent: Y.XmlFragment = fragment;
      for (let i = 0; i < 5000; i++) {
        const child = new Y.XmlElement("blockquote");
        parent.insert(0, [child]);
        parent = child;
      }
      parent.insert(0, [new Y.XmlText("deep")]);
    });
    const json = readRichText(fragment);
    expect(richTextToPlainText(json)).toBe("deep");
    expect(isPlanRichDoc(json)).toBe(true);
  });
});

describe("sanitizeRichDoc", () => {
  it("drops javascript: links but keeps their text", () => {
    const js = [{ type: "link", attrs: { href: " JaVaScRiPt:alert(1)" } }];
    expect(sanitizeRichDoc({ type: "doc", content: [paragraph(text("click", js))] })).toEqual({
      type: "doc",
      content: [paragraph(text("click"))],
    });
  });

  it("normalises safe links", () => {
    const doc = sanitizeRichDoc({
      type: "doc",
      content: [paragraph(text("x", [{ type: "link", attrs: { href: "HTTPS://A.io" } }]))],
    });
    expect(doc.content[0]?.content?.[0]?.marks?.[0]?.attrs?.href).toBe("https://a.io/");
  });

  it("keeps headings within levels 2 and 3", () => {
    const heading = (level: unknown) => ({ type: "heading", attrs: { level }, content: [text("H")] });
    const doc = sanitizeRichDoc({
      type: "doc",
      content: [heading(1), heading(6), heading("3"), { type: "heading", content: [text("H")] }],
    });
    expect(doc.content.map((node) => node.attrs?.level)).toEqual([2, 3, 3, 2]);
  });

  it("turns blocks the schema refuses into paragraphs of their text", () => {
    const doc = sanitizeRichDoc({
      type: "doc",
      content: [
        { type: "table", content: [{ type: "row", content: [text("a"), text("b")] }] },
        text("bare text"),
        { type: "bulletList", content: [paragraph(text("not in a list item"))] },
        { type: "paragraph", content: [{ type: "paragraph", content: [text("nested")] }] },
        42,
        null,
        { type: "paragraph", content: [text(""), { type: "text", text: 5 }, text("ok")] },
      ],
    });
    expect(doc.content).toEqual([
      paragraph(text("a b")),
      paragraph(text("bare text")),
      paragraph(text("not in a list item")),
      paragraph(text("nested")),
      paragraph(text("ok")),
    ]);
    expect(isPlanRichDoc(doc)).toBe(true);
  });

  it("drops unknown marks and repeated marks, and attributes that are not plain values", () => {
    const doc = sanitizeRichDoc({
      type: "doc",
      content: [
        {
          type: "codeBlock",
          attrs: { language: { evil: true } },
          content: [text("x")],
        },
        paragraph(text("y", [{ type: "bold" }, { type: "bold" }, { type: "blink" }, "italic"])),
      ],
    });
    expect(doc.content).toEqual([
      { type: "codeBlock", attrs: { language: null }, content: [text("x")] },
      paragraph(text("y", [{ type: "bold" }])),
    ]);
  });

  it.each([null, undefined, "text", 42, [], {}, { type: "doc" }, { type: "doc", content: "x" }])(
    "gives an empty doc for %j",
    (json) => {
      expect(sanitizeRichDoc(json)).toEqual(emptyRichDoc());
    },
  );
});

describe("writeRichText", () => {
  it("round-trips through a fragment", () => {
    const fragment = new Y.Doc().getXmlFragment("f");
    writeRichText(fragment, SAMPLE);
    expect(readRichText(fragment)).toEqual(SAMPLE);
    writeRichText(fragment, emptyRichDoc());
    expect(readRichText(fragment)).toEqual(emptyRichDoc());
  });
});

describe("richTextToPlainText", () => {
  it("gives one line per block", () => {
    expect(richTextToPlainText(SAMPLE)).toBe("Positioning\nWe win mid-market\none");
  });
});
