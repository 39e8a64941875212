/**
 * Actuals: what really happened, per target market, campaign and month,
 * for the dashboard to compare with the plan. Pure: zod only.
 */
export * from "./months";
export * from "./schemas";
export * from "./csv-parse";
export * from "./actuals-csv";
export * from "./check-in-slices";
export * from "./import-progress";
