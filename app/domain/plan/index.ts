/**
 * The plan module's public surface (DESIGN.md section 2). Server, editor and
 * routes import from here, so files inside can move without touching them.
 * Pure: zod, yjs and @tiptap only.
 */
export * from "./layout";
export * from "./columns";
export * from "./schemas";
export * from "./cells";
export * from "./funnel";
export * from "./links";
export * from "./extensions";
export * from "./rich-text";
export * from "./project";
export * from "./validate";
export * from "./canonical-json";
export * from "./write";
export * from "./rows";
export * from "./template";
export * from "./word-diff";
export * from "./plan-diff";
