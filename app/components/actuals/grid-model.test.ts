import { describe, expect, it } from "vitest";
import {
  checkRow,
  gridRows,
  mapServerErrors,
  rowChanged,
  storedTexts,
  typedValue,
  type CellTexts,
  type GridRow,
} from "./grid-model";

const RETAIL = "0b6d3f4a-1c2e-4b5a-8d9e-0f1a2b3c4d5e";
const WEBINAR = "2d8f5b6c-3e4a-4d7c-8f1a-2b3c4d5e6f7a";
const MONTHS = ["2027-01", "2027-02", "2027-03"];
const [retailJan] = gridRows([{ id: RETAIL, name: "Mid-market retail" }], MONTHS) as [GridRow];
const [webinarJan] = gridRows([{ id: WEBINAR, name: "Webinar" }], MONTHS) as [GridRow];

const full: CellTexts = {
  revenueWon: "125,000.50",
  dealsWon: "3",
  pipelineCreated: "400000",
  mqls: "180",
  sqls: "40",
  leadsHandedOff: "38",
  leadsFollowedUpInSla: "35",
};
const texts = (cells: CellTexts) => (field: string) => cells[field] ?? "";

describe("gridRows", () => {
  it("has every market's months in order, the first of each starting a group, unnamed ones called Untitled", () => {
    const rows = gridRows(
      [
        { id: "a", name: "North" },
        { id: "b", name: "  " },
      ],
      MONTHS,
    );
    expect(rows.map((r) => [r.key, r.refName, r.first])).toEqual([
      ["a|2027-01", "North", true],
      ["a|2027-02", "North", false],
      ["a|2027-03", "North", false],
      ["b|2027-01", "Untitled", true],
      ["b|2027-02", "Untitled", false],
      ["b|2027-03", "Untitled", false],
    ]);
  });
});

describe("typedValue", () => {
  it("reads numbers with thousands separators and spaces, leaves blanks empty and the rest as text", () => {
    expect(typedValue("")).toBeUndefined();
    expect(typedValue("   ")).toBeUndefined();
    expect(typedValue("1,200,000.5")).toBe(1_200_000.5);
    expect(typedValue(" 12 000 ")).toBe(12_000);
    expect(typedValue("0")).toBe(0);
    expect(typedValue("-3")).toBe(-3);
    expect(typedValue("12,00")).toBe("12,00");
    expect(typedValue("lots")).toBe("lots");
  });
});

describe("checkRow", () => {
  it("gives a complete row as the API takes it", () => {
    expect(checkRow("rows", retailJan, texts(full))).toEqual({
      complete: true,
      cells: {},
      row: null,
      value: {
        targetMarketId: RETAIL,
        month: "2027-01",
        revenueWon: 125_000.5,
        dealsWon: 3,
        pipelineCreated: 400_000,
        mqls: 180,
        sqls: 40,
        leadsHandedOff: 38,
        leadsFollowedUpInSla: 35,
      },
    });
  });

  it("calls a row with an empty cell incomplete, not wrong, and still checks the filled cells", () => {
    const check = checkRow("rows", retailJan, texts({ ...full, sqls: "", dealsWon: "-1", mqls: "2.5" }));
    expect(check.complete).toBe(false);
    expect(check.value).toBeNull();
    expect(check.cells).toEqual({ dealsWon: "Enter 0 or more.", mqls: "Enter a whole number." });
  });

  it("uses the schema's messages: not a number, then more followed up than handed off", () => {
    const check = checkRow("rows", retailJan, texts({ ...full, revenueWon: "lots" }));
    expect(check.complete).toBe(true);
    expect(check.value).toBeNull();
    expect(check.cells).toEqual({ revenueWon: "Enter a number." });
    expect(checkRow("rows", retailJan, texts({ ...full, leadsFollowedUpInSla: "39" })).cells).toEqual({
      leadsFollowedUpInSla: "More leads followed up within the SLA than were handed off.",
    });
  });

  it("checks campaign spend rows, money with decimals and whole MQLs", () => {
    expect(checkRow("spend", webinarJan, texts({ spend: "1500.25", mqls: "30" })).value).toEqual({
      campaignId: WEBINAR,
      month: "2027-01",
      spend: 1500.25,
      mqls: 30,
    });
    expect(checkRow("spend", webinarJan, texts({ spend: "10", mqls: "1.5" })).cells).toEqual({
      mqls: "Enter a whole number.",
    });
  });
});

describe("stored and changed rows", () => {
  const stored = storedTexts("rows", {
    rows: [
      {
        targetMarketId: RETAIL,
        month: "2027-02",
        revenueWon: 10.5,
        dealsWon: 1,
        pipelineCreated: 0,
        mqls: 0,
        sqls: 0,
        leadsFollowedUpInSla: 0,
        leadsHandedOff: 0,
      },
    ],
    spend: [],
  });

  it("shows stored months as text, zeros included, and leaves months never entered out", () => {
    expect(stored).toEqual({
      [`${RETAIL}|2027-02`]: {
        revenueWon: "10.5",
        dealsWon: "1",
        pipelineCreated: "0",
        mqls: "0",
        sqls: "0",
        leadsHandedOff: "0",
        leadsFollowedUpInSla: "0",
      },
    });
  });

  it("counts a row as changed only while its text differs from what is stored", () => {
    const feb = stored[`${RETAIL}|2027-02`];
    expect(rowChanged("rows", undefined, feb)).toBe(false);
    expect(rowChanged("rows", { dealsWon: "1" }, feb)).toBe(false);
    expect(rowChanged("rows", { dealsWon: "2" }, feb)).toBe(true);
    expect(rowChanged("rows", { mqls: "" }, undefined)).toBe(false);
    expect(rowChanged("rows", { mqls: "4" }, undefined)).toBe(true);
  });
});

describe("mapServerErrors", () => {
  it("puts each error on the cell or row it names, by the rows sent, and keeps the rest general", () => {
    const sent = { rows: ["a|2027-01", "b|2027-02"], spend: ["c|2027-01"] };
    expect(
      mapServerErrors(
        {
          "rows.1.revenueWon": ["Enter a number."],
          "rows.1.month": ["2027-04 is outside the plan's period 2027-Q1."],
          "rows.0.targetMarketId": ["No target market of this plan has this id."],
          "spend.0.mqls": ["Enter 0 or more."],
          "rows.7.mqls": ["Beyond what was sent."],
          body: ["Send rows or spend."],
        },
        sent,
      ),
    ).toEqual({
      byRow: {
        rows: {
          "b|2027-02": {
            cells: { revenueWon: "Enter a number." },
            row: "2027-04 is outside the plan's period 2027-Q1.",
          },
          "a|2027-01": { cells: {}, row: "No target market of this plan has this id." },
        },
        spend: { "c|2027-01": { cells: { mqls: "Enter 0 or more." }, row: null } },
      },
      general: ["Beyond what was sent.", "Send rows or spend."],
    });
  });
});
