import { IMPORT_PROGRESS_TYPE, type ImportLine } from "../domain/actuals";
import { importActualsCsv } from "./actuals.server";
import type { AccordContext } from "./context.server";
import type { PlanForMember } from "./plans.server";

/**
 * A CSV import that tells its progress as it goes: the answer is 200 at
 * once and its body is NDJSON (app/domain/actuals/import-progress.ts),
 * progress lines while the file is checked and written, then one `done` or
 * `error` line. Who may import, the body's type and size are checked
 * before, so those refusals keep their own status codes.
 */

/** True when the request asks for the NDJSON progress answer. */
export function wantsImportProgress(request: Request): boolean {
  return (request.headers.get("Accept") ?? "")
    .split(",")
    .some((type) => type.split(";")[0]?.trim().toLowerCase() === IMPORT_PROGRESS_TYPE);
}

const INTERNAL = "Something went wrong on our side; nothing was imported. Try again in a moment.";

/**
 * Starts the import and answers with its progress. Should the person go
 * away mid-import, the import still finishes (or is refused) on its own:
 * it is one transaction either way.
 */
export function importWithProgress(
  context: AccordContext,
  plan: PlanForMember,
  userId: string,
  text: string,
): Response {
  const encoder = new TextEncoder();
  let open = true;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (line: ImportLine) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        } catch {
          open = false;
        }
      };
      const run = async () => {
        try {
          const imported = await importActualsCsv(context, plan, userId, text, (progress) =>
            send({ type: "progress", ...progress }),
          );
          send({ type: "done", ...imported });
        } catch (error) {
          if (error instanceof Response) {
            send({ type: "error", ...((await error.json()) as { error: string; message: string }) });
          } else {
            context.log.error({ err: error, planId: plan.id }, "csv import failed");
            send({ type: "error", error: "internal", message: INTERNAL });
          }
        } finally {
          if (open) controller.close();
          open = false;
        }
      };
      void run();
    },
    cancel() {
      open = false;
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": `${IMPORT_PROGRESS_TYPE}; charset=utf-8`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
