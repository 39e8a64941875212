import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";

describe("canonicalJson", () => {
  it("sorts keys at every depth and writes no whitespace", () => {
    const a = { b: 1, a: { d: [3, { z: 1, y: 2 }], c: "x" } };
    expect(canonicalJson(a)).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it("is the same whatever order the keys were written in", () => {
    const one = { meta: { title: "Q1", period: "2027-Q1" }, rows: [{ id: "1", n: 2 }] };
    const two = { rows: [{ n: 2, id: "1" }], meta: { period: "2027-Q1", title: "Q1" } };
    expect(canonicalJson(one)).toBe(canonicalJson(two));
  });

  it("keeps array order, which is content", () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it("writes strings and numbers as JSON does", () => {
    expect(canonicalJson({ s: 'quote " and \n and é', n: 0.1, big: 1e21, neg: -0 })).toBe(
      '{"big":1e+21,"n":0.1,"neg":0,"s":"quote \\" and \\n and é"}',
    );
  });

  it("sorts keys by code unit, not by locale", () => {
    expect(canonicalJson({ b: 1, B: 2, á: 3, a: 4 })).toBe('{"B":2,"a":4,"b":1,"á":3}');
  });

  it("leaves out undefined members and writes non-finite numbers as null", () => {
    expect(canonicalJson({ a: undefined, b: Number.NaN, c: [undefined, Infinity] })).toBe(
      '{"b":null,"c":[null,null]}',
    );
  });

  it("uses toJSON where a value has one", () => {
    expect(canonicalJson({ at: new Date("2027-01-01T00:00:00Z") })).toBe('{"at":"2027-01-01T00:00:00.000Z"}');
  });

  it("refuses cycles and values without a JSON form", () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => canonicalJson(cycle)).toThrow(TypeError);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    expect(() => canonicalJson(10n)).toThrow(TypeError);
  });

  it("allows the same object twice when it is not a cycle", () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });
});
