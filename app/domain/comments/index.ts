/**
 * Comments (DESIGN.md section 4): anchors, bodies, input schemas, the JSON
 * the API answers with, and who may do what. Pure: zod and yjs only.
 */
export * from "./anchor";
export * from "./body";
export * from "./schemas";
export * from "./moderation";
export * from "./text-anchor";
