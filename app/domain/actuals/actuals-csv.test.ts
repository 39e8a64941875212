import { describe, expect, it } from "vitest";
import {
  ACTUALS_COLUMNS,
  actualsCsvTemplate,
  spendCsvTemplate,
  validateActualsCsv,
  type ActualsCsvContext,
} from "./actuals-csv";

const EMEA = "0b6d3f4a-1c2e-4b5a-8d9e-0f1a2b3c4d5e";
const NA = "1c7e4a5b-2d3f-4c6b-9e0f-1a2b3c4d5e6f";
const WEBINAR = "2d8f5b6c-3e4a-4d7c-8f1a-2b3c4d5e6f7a";

const context: ActualsCsvContext = {
  period: "2027-Q1",
  markets: [
    { id: EMEA, name: "EMEA mid-market" },
    { id: NA, name: "North America, enterprise" },
  ],
  campaigns: [{ id: WEBINAR, name: "Webinar series" }],
};

const HEADER = ACTUALS_COLUMNS.join(",");
const csv = (...lines: string[]) => [HEADER, ...lines].join("\n");

describe("validateActualsCsv: actuals rows", () => {
  it("reads good rows, matching markets by name in any case or by id", () => {
    const result = validateActualsCsv(
      csv("2027-01,emea MID-market,1000.50,2,5000,40,12,10,12", `2027-02,${NA.toUpperCase()},0,0,0,0,0,0,0`),
      context,
    );
    expect(result.errors).toEqual([]);
    expect(result.kind).toBe("actuals");
    expect(result.rows).toEqual([
      {
        targetMarketId: EMEA,
        month: "2027-01",
        revenueWon: 1000.5,
        dealsWon: 2,
        pipelineCreated: 5000,
        mqls: 40,
        sqls: 12,
        leadsFollowedUpInSla: 10,
        leadsHandedOff: 12,
      },
      expect.objectContaining({ targetMarketId: NA, month: "2027-02" }),
    ]);
  });

  it("accepts the header in any order and case, a BOM, CRLF, quotes and blank lines", () => {
    const text =
      "\uFEFFMarket,Month,Revenue Won,deals_won,pipeline_created,MQLs,sqls,followed_up_in_sla,handed_off\r\n\r\n" +
      '"North America, enterprise",2027-03,"1200",1,0,0,0,0,0\r\n';
    const result = validateActualsCsv(text, context);
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      expect.objectContaining({ targetMarketId: NA, month: "2027-03", revenueWon: 1200 }),
    ]);
  });

  it("reports an unknown market", () => {
    const { errors, rows } = validateActualsCsv(csv("2027-01,APAC,1,1,1,1,1,1,1"), context);
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      { line: 2, column: "market", message: 'No target market of this plan is called "APAC".' },
    ]);
  });

  it("reports non-numeric values, empty cells, fractions of a count and negative counts", () => {
    const { errors } = validateActualsCsv(csv("2027-01,EMEA mid-market,lots,1.5,,-3,1e3,0,0"), context);
    expect(errors).toEqual([
      { line: 2, column: "revenue_won", message: '"lots" is not a number.' },
      { line: 2, column: "deals_won", message: "1.5 is not a whole number." },
      { line: 2, column: "pipeline_created", message: "Enter a number; use 0 for none." },
      { line: 2, column: "mqls", message: "-3 is negative; enter 0 or more." },
      { line: 2, column: "sqls", message: '"1e3" is not a number.' },
    ]);
  });

  it("reports a month outside the plan's period and a month that is not one", () => {
    const { errors } = validateActualsCsv(
      csv("2027-04,EMEA mid-market,0,0,0,0,0,0,0", "Jan 2027,EMEA mid-market,0,0,0,0,0,0,0"),
      context,
    );
    expect(errors).toEqual([
      { line: 2, column: "month", message: "2027-04 is outside the plan's period 2027-Q1." },
      { line: 3, column: "month", message: '"Jan 2027" is not a month like 2027-01.' },
    ]);
  });

  it("reports a duplicate market and month, naming the first line", () => {
    const { errors, rows } = validateActualsCsv(
      csv(
        "2027-01,EMEA mid-market,0,0,0,0,0,0,0",
        "2027-02,EMEA mid-market,0,0,0,0,0,0,0",
        `2027-01,${EMEA},5,0,0,0,0,0,0`,
      ),
      context,
    );
    expect(errors).toEqual([
      { line: 4, column: "market", message: "Duplicate of line 2: the same market and month." },
    ]);
    expect(rows).toHaveLength(2);
  });

  it("reports more leads followed up in time than handed off", () => {
    const { errors } = validateActualsCsv(csv("2027-01,EMEA mid-market,0,0,0,0,0,5,4"), context);
    expect(errors).toEqual([
      {
        line: 2,
        column: "followed_up_in_sla",
        message: "More leads followed up within the SLA than were handed off.",
      },
    ]);
  });

  it("reports a row with too few or too many values", () => {
    const { errors } = validateActualsCsv(csv("2027-01,EMEA mid-market,0"), context);
    expect(errors).toEqual([{ line: 2, message: "Expected 9 values, found 3." }]);
  });

  it("reports an ambiguous market name", () => {
    const twins = { ...context, markets: [...context.markets, { id: WEBINAR, name: "emea mid-market" }] };
    const { errors } = validateActualsCsv(csv("2027-01,EMEA mid-market,0,0,0,0,0,0,0"), twins);
    expect(errors[0]?.message).toBe('More than one market is called "EMEA mid-market". Use its id.');
  });
});

describe("validateActualsCsv: the header and the file", () => {
  it("reports unknown, repeated and missing columns", () => {
    const { errors, rows, kind } = validateActualsCsv(
      "month,market,revenue,revenue_won,revenue_won\n",
      context,
    );
    expect(kind).toBeNull();
    expect(rows).toEqual([]);
    expect(errors.map((e) => e.message)).toEqual([
      `Unknown column "revenue". Expected: ${HEADER}`,
      'The column "revenue_won" appears twice.',
      'The column "deals_won" is missing.',
      'The column "pipeline_created" is missing.',
      'The column "mqls" is missing.',
      'The column "sqls" is missing.',
      'The column "followed_up_in_sla" is missing.',
      'The column "handed_off" is missing.',
    ]);
    expect(errors.every((e) => e.line === 1)).toBe(true);
  });

  it("reports an empty file and an unclosed quote", () => {
    expect(validateActualsCsv("\uFEFF\r\n", context).errors).toEqual([
      { line: 1, message: `The file is empty. Start with the header: ${HEADER}` },
    ]);
    expect(validateActualsCsv(csv('2027-01,"EMEA,0,0,0,0,0,0,0'), context).errors).toEqual([
      { line: 2, message: "A quote opened on this line is never closed." },
    ]);
  });

  it("gives a header-only file no rows and no errors", () => {
    expect(validateActualsCsv(HEADER, context)).toEqual({ kind: "actuals", rows: [], spend: [], errors: [] });
  });
});

describe("validateActualsCsv: campaign spend", () => {
  it("reads spend rows by campaign name or id", () => {
    const result = validateActualsCsv(
      "month,campaign,spend,mqls\n2027-01,WEBINAR SERIES,1500.25,30\n",
      context,
    );
    expect(result.kind).toBe("spend");
    expect(result.errors).toEqual([]);
    expect(result.spend).toEqual([{ campaignId: WEBINAR, month: "2027-01", spend: 1500.25, mqls: 30 }]);
  });

  it("reports unknown campaigns, negative spend and duplicates", () => {
    const { errors, spend } = validateActualsCsv(
      [
        "month,campaign,spend,mqls",
        "2027-01,Trade show,1,0",
        "2027-01,Webinar series,-1,0",
        `2027-02,${WEBINAR},1,0`,
        "2027-02,webinar series,2,0",
      ].join("\n"),
      context,
    );
    expect(errors).toEqual([
      { line: 2, column: "campaign", message: 'No campaign of this plan is called "Trade show".' },
      { line: 3, column: "spend", message: "-1 is negative; enter 0 or more." },
      { line: 5, column: "campaign", message: "Duplicate of line 4: the same campaign and month." },
    ]);
    expect(spend).toEqual([{ campaignId: WEBINAR, month: "2027-02", spend: 1, mqls: 0 }]);
  });
});

describe("templates", () => {
  it("are valid files that the validator reads back", () => {
    const actuals = actualsCsvTemplate("2027-Q1", context.markets);
    expect(actuals.split("\r\n")[0]).toBe(HEADER);
    const read = validateActualsCsv(actuals, context);
    expect(read.errors).toEqual([]);
    expect(read.rows.map((r) => r.month)).toEqual(["2027-01", "2027-02", "2027-03"]);
    const spend = validateActualsCsv(spendCsvTemplate("2027-Q1", context.campaigns), context);
    expect(spend.errors).toEqual([]);
    expect(spend.spend).toHaveLength(3);
  });
});

describe("a 50,000-row file", () => {
  const MONTHS = ["2027-01", "2027-02", "2027-03"];
  const markets = Array.from({ length: 16_667 }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    name: `Market ${i}`,
  }));
  const big = { ...context, markets };
  const lines = [HEADER];
  for (let i = 0; i < 50_000; i += 1) {
    const market = markets[Math.floor(i / 3)] as { name: string };
    lines.push(
      `${MONTHS[i % 3]},"${market.name}",${i}.5,${i % 7},${i * 2},${i % 50},${i % 20},${i % 5},${(i % 5) + 1}`,
    );
  }
  const text = lines.join("\r\n");

  // Its speed is npm run bench's business, not a test's: here, that every row comes out right.
  it("is read row for row", () => {
    const result = validateActualsCsv(text, big);
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(50_000);
    expect(result.rows[49_999]).toMatchObject({ month: MONTHS[49_999 % 3], revenueWon: 49_999.5 });
  });

  it("reports every bad row of a large file", () => {
    const bad = `${text}\r\n2027-01,"Market 0",1,1,1,1,1,1,1\r\n2027-01,nowhere,-1,1,1,1,1,1,1`;
    const { errors } = validateActualsCsv(bad, big);
    expect(errors).toEqual([
      { line: 50_002, column: "market", message: "Duplicate of line 2: the same market and month." },
      { line: 50_003, column: "market", message: 'No target market of this plan is called "nowhere".' },
      { line: 50_003, column: "revenue_won", message: "-1 is negative; enter 0 or more." },
    ]);
  });
});
