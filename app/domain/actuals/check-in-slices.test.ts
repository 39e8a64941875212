import { describe, expect, it } from "vitest";
import {
  ACTUALS_COLUMNS,
  validateActualsCsv,
  type ActualsCsvContext,
  type CsvCheckProgress,
} from "./actuals-csv";
import { checkActualsCsvInSlices } from "./check-in-slices";
import { CsvReader } from "./csv-parse";

const MONTHS = ["2027-01", "2027-02", "2027-03"];
/** 400 markets with three months each in the good file, and ten more left free for bad rows. */
const markets = Array.from({ length: 410 }, (_, i) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
  name: `Market ${i}`,
}));
const context: ActualsCsvContext = {
  period: "2027-Q1",
  markets,
  campaigns: [{ id: "2d8f5b6c-3e4a-4d7c-8f1a-2b3c4d5e6f7a", name: "Webinar series" }],
};
const HEADER = ACTUALS_COLUMNS.join(",");

/** 1,200 good rows: every market's three months, with a quoted name and a blank line now and then. */
function goodLines(): string[] {
  const lines = [HEADER];
  for (let i = 0; i < 1200; i += 1) {
    const name = i % 5 === 0 ? `"Market ${Math.floor(i / 3)}"` : `Market ${Math.floor(i / 3)}`;
    lines.push(
      `${MONTHS[i % 3]},${name},${i}.25,${i % 7},${i * 3},${i % 40},${i % 9},${i % 4},${(i % 4) + 2}`,
    );
    if (i % 97 === 0) lines.push("");
  }
  return lines;
}

const good = goodLines().join("\r\n");

/** Good rows with bad ones among them: every kind of row error, spread over many slices. */
const bad = (() => {
  const lines = goodLines();
  lines.splice(50, 0, "2027-01,Nowhere,1,1,1,1,1,1,1");
  lines.splice(300, 0, "2027-02,Market 400,lots,1,1,1,1,1,1");
  lines.splice(600, 0, "2027-05,Market 401,1,-1,1,1,1,1,1");
  lines.splice(900, 0, "2027-01,Market 0,1,1,1,1,1,1,1");
  lines.splice(1000, 0, "2027-03,Market 402,1,1");
  lines.push("2027-03,Market 403,1,1,1,1,1,5,1");
  return lines.join("\n");
})();

const now = () => Promise.resolve();

async function inSlices(text: string, slice: number) {
  const progress: CsvCheckProgress[] = [];
  let pauses = 0;
  const check = await checkActualsCsvInSlices(text, context, {
    slice,
    pause: () => {
      pauses += 1;
      return now();
    },
    onProgress: (p) => progress.push(p),
  });
  return { check, progress, pauses };
}

describe("checkActualsCsvInSlices", () => {
  it("gives a good file's rows exactly as the one-shot validator does, at any slice size", async () => {
    const once = validateActualsCsv(good, context);
    expect(once.errors).toEqual([]);
    expect(once.rows).toHaveLength(1200);
    for (const slice of [1, 7, 100, 2000]) {
      const { check } = await inSlices(good, slice);
      expect(check.result).toEqual(once);
    }
  });

  it("reports a bad file's errors exactly as the one-shot validator does", async () => {
    const once = validateActualsCsv(bad, context);
    expect(once.errors.map((e) => [e.line, e.column ?? null])).toEqual([
      [51, "market"],
      [301, "revenue_won"],
      [601, "month"],
      [601, "deals_won"],
      [901, "market"],
      [1001, null],
      [1220, "followed_up_in_sla"],
    ]);
    for (const slice of [1, 13, 250, 5000]) {
      const { check } = await inSlices(bad, slice);
      expect(check.result).toEqual(once);
    }
  });

  it("reports progress after every slice, never going back, ending at the whole file", async () => {
    const { progress, pauses } = await inSlices(good, 100);
    // 1,201 records (header and rows) in slices of 100, and one more call that finds the end.
    expect(progress).toHaveLength(13);
    expect(pauses).toBe(progress.length - 1);
    for (let i = 1; i < progress.length; i += 1) {
      expect(progress[i]!.done).toBeGreaterThan(progress[i - 1]!.done);
      expect(progress[i]!.rows).toBeGreaterThanOrEqual(progress[i - 1]!.rows);
      expect(progress[i]!.total).toBe(good.length);
    }
    expect(progress[0]!.done).toBeLessThan(good.length / 10);
    expect(progress.at(-1)).toEqual({ done: good.length, total: good.length, rows: 1200 });
  });

  it("hands control back between slices with the default pause", async () => {
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    const seen: boolean[] = [];
    await checkActualsCsvInSlices(good, context, { slice: 600, onProgress: () => seen.push(timerRan) });
    expect(seen[0]).toBe(false);
    expect(seen.at(-1)).toBe(true);
  });

  it("keeps the header and the first records as written, for a preview", async () => {
    const check = await checkActualsCsvInSlices(bad, context, { slice: 10, sample: 3, pause: now });
    expect(check.header).toEqual([...ACTUALS_COLUMNS]);
    // Line 3 is blank: the sample is of records, each with its line.
    expect(check.sample.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(check.sample[1]!.fields[1]).toBe("Market 0");
  });

  it("answers a wrong header, an empty file and an unclosed quote as the one-shot validator does", async () => {
    for (const text of ["", "month,region\n2027-01,x", `${HEADER}\n2027-01,"Market 1,1,1,1,1,1,1,1\n`]) {
      const { check } = await inSlices(text, 1);
      expect(check.result).toEqual(validateActualsCsv(text, context));
      expect(check.result.errors.length).toBeGreaterThan(0);
      expect(check.result.kind).toBeNull();
    }
  });

  it("stops between slices when aborted", async () => {
    const controller = new AbortController();
    let slices = 0;
    const checking = checkActualsCsvInSlices(good, context, {
      slice: 100,
      pause: now,
      signal: controller.signal,
      onProgress: () => {
        slices += 1;
        if (slices === 2) controller.abort(new Error("another file"));
      },
    });
    await expect(checking).rejects.toThrow("another file");
    expect(slices).toBe(2);
  });
});

describe("CsvReader", () => {
  it("hands out the records of parseCsv one by one, its position going forward to the end", () => {
    const reader = new CsvReader('\uFEFFa,b\r\n"x\ny",2\n\n3,4');
    const seen: Array<[number, string[], number]> = [];
    for (let record = reader.next(); record !== null; record = reader.next())
      seen.push([record.line, record.fields, reader.position]);
    expect(seen).toEqual([
      [1, ["a", "b"], 5],
      [2, ["x\ny", "2"], 13],
      [5, ["3", "4"], 17],
    ]);
    expect(reader.length).toBe(17);
    expect(reader.next()).toBeNull();
  });
});
