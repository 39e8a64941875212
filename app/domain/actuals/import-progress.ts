import { z } from "zod";

/**
 * The lines of a CSV import that reports its progress
 * (`POST /api/plans/:planId/actuals.csv` with `Accept: application/x-ndjson`):
 * one JSON object a line, as the server works, so a browser can draw a
 * progress bar of the real work. The server writes them, the browser reads
 * them back through the same schema.
 *
 * - `checking`: `done` of `total` characters of the file read and checked;
 * - `saving`: `done` of `total` rows written (inside one transaction, so
 *   nothing is visible before the `done` line).
 */

export const IMPORT_PROGRESS_TYPE = "application/x-ndjson";

export const ImportProgressSchema = z.object({
  type: z.literal("progress"),
  phase: z.enum(["checking", "saving"]),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
});

export const ImportDoneSchema = z.object({
  type: z.literal("done"),
  imported: z.number().int().min(0),
  kind: z.enum(["actuals", "spend"]),
});

/** The file was refused (the body of the 400 of a plain import) or the server failed (`internal`). */
export const ImportErrorSchema = z.looseObject({
  type: z.literal("error"),
  error: z.string(),
  message: z.string(),
  rowErrors: z
    .array(z.object({ line: z.number(), column: z.string().optional(), message: z.string() }))
    .optional(),
});

export const ImportLineSchema = z.discriminatedUnion("type", [
  ImportProgressSchema,
  ImportDoneSchema,
  ImportErrorSchema,
]);

export type ImportProgress = z.infer<typeof ImportProgressSchema>;
export type ImportDone = z.infer<typeof ImportDoneSchema>;
export type ImportError = z.infer<typeof ImportErrorSchema>;
export type ImportLine = z.infer<typeof ImportLineSchema>;
