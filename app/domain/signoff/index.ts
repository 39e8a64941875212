/** Sign-off (DESIGN.md section 5): content hash, inputs and answers. Pure. */
export * from "./content-hash";
export * from "./schemas";
