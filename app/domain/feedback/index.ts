/**
 * Field feedback (DESIGN.md section 6): tags, statuses, input schemas, the
 * JSON the API answers with, and who may triage. Pure: zod only.
 */
export * from "./schemas";
export * from "./policy";
export * from "./words";
export * from "./form";
