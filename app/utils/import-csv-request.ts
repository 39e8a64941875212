import {
  IMPORT_PROGRESS_TYPE,
  ImportLineSchema,
  type ImportDone,
  type ImportLine,
  type ImportProgress,
} from "../domain/actuals";
import { ApiError } from "./api-client";

/**
 * The browser's side of a CSV import with progress: posts the file asking
 * for NDJSON (docs/API.md, "Actuals and metrics"), hands each progress line
 * to the page as it arrives and resolves with the `done` line. A refusal
 * (before the file was read: 403, 413; or the file's errors, in the
 * `error` line) rejects with an ApiError carrying the server's body, whose
 * `rowErrors` the preview lists.
 */

const OFFLINE = "Accord can’t be reached right now. Check your connection and try again.";
const CUT_OFF =
  "The connection was lost before the import finished. Reload the page to see whether the rows were saved.";

export async function importCsvWithProgress(
  planId: string,
  text: string,
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportDone> {
  let response: Response;
  try {
    response = await fetch(`/api/plans/${planId}/actuals.csv`, {
      method: "POST",
      headers: { "Content-Type": "text/csv", Accept: IMPORT_PROGRESS_TYPE },
      body: text,
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(OFFLINE, 0, "offline");
  }
  if (!response.ok || !response.body) {
    const data = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    throw new ApiError(
      typeof data?.message === "string" ? data.message : `The import failed (${response.status}).`,
      response.status,
      typeof data?.error === "string" ? data.error : "error",
      {},
      data,
    );
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (;;) {
    let chunk: ReadableStreamReadResult<string>;
    try {
      chunk = await reader.read();
    } catch {
      throw new ApiError(CUT_OFF, 0, "offline");
    }
    buffered += chunk.value ?? "";
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const text of lines) {
      const line = parseLine(text);
      if (!line) continue;
      if (line.type === "progress") onProgress(line);
      else if (line.type === "done") return line;
      else throw new ApiError(line.message, line.error === "internal" ? 500 : 400, line.error, {}, line);
    }
    if (chunk.done) throw new ApiError(CUT_OFF, 0, "offline");
  }
}

function parseLine(text: string): ImportLine | null {
  if (!text.trim()) return null;
  try {
    const parsed = ImportLineSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
