import { describe, expect, it } from "vitest";
import { csvField, parseCsv } from "./csv-parse";

describe("parseCsv", () => {
  it("splits plain lines with LF or CRLF", () => {
    expect(parseCsv("a,b\n1,2\r\n3,4").records).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", "2"] },
      { line: 3, fields: ["3", "4"] },
    ]);
  });

  it("drops a byte order mark and skips blank lines and empty rows", () => {
    const { records } = parseCsv("\uFEFFa,b\r\n\r\n1,2\n,\n\n");
    expect(records).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 3, fields: ["1", "2"] },
    ]);
  });

  it("reads quoted fields with commas, doubled quotes and line breaks, keeping line numbers", () => {
    const { records } = parseCsv('name,note\n"Acme, Inc.","said ""hi""\r\nthen left"\nnext,x\n');
    expect(records).toEqual([
      { line: 1, fields: ["name", "note"] },
      { line: 2, fields: ["Acme, Inc.", 'said "hi"\r\nthen left'] },
      { line: 4, fields: ["next", "x"] },
    ]);
  });

  it("keeps empty fields and a trailing empty field", () => {
    expect(parseCsv('a,,""\n').records[0]?.fields).toEqual(["a", "", ""]);
    expect(parseCsv("a,b,").records[0]?.fields).toEqual(["a", "b", ""]);
  });

  it("keeps a quote in the middle of a field as text", () => {
    expect(parseCsv('5" screen,x').records[0]?.fields).toEqual(['5" screen', "x"]);
  });

  it("reports a quote that is never closed", () => {
    expect(parseCsv('a\n"open,1\n2').unclosedQuoteLine).toBe(2);
  });
});

describe("csvField", () => {
  it("quotes only when needed and reads back", () => {
    expect(csvField("plain")).toBe("plain");
    const tricky = 'a, "b"\nc';
    expect(parseCsv(`${csvField(tricky)},z`).records[0]?.fields).toEqual([tricky, "z"]);
  });
});

describe("parseCsv: whitespace-only lines", () => {
  it("skips them like blank lines", () => {
    expect(parseCsv("a\n   \n\t,\nb").records).toEqual([
      { line: 1, fields: ["a"] },
      { line: 4, fields: ["b"] },
    ]);
  });
});
