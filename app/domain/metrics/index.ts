/** The dashboard's figures: the plan's targets against its actuals. Pure: zod and app/domain only. */
export * from "./dashboard";
