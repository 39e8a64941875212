import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { badRequest } from "./http.server";

/**
 * The JSON API's edge: every /api route is wrapped in `apiRoute`, reads bodies
 * with `readJsonBody` and validates with `parseInput`, so every answer, even
 * a crash, is JSON in the shape docs/API.md describes.
 */

/** The largest JSON body the API reads; a plan's metadata is a few hundred bytes. */
export const MAX_JSON_BYTES = 64 * 1024;

type Args = LoaderFunctionArgs | ActionFunctionArgs;

/**
 * Wraps an API loader or action: a thrown Response (401, 403, 404, 400) goes
 * out as it is, anything else is logged and answered 500 JSON instead of
 * Remix's plain-text page. Nothing the API says is cached.
 */
export function apiRoute<A extends Args>(
  handler: (args: A) => Promise<Response>,
): (args: A) => Promise<Response> {
  return async (args) => {
    try {
      return noStore(await handler(args));
    } catch (error) {
      if (error instanceof Response) throw noStore(error);
      args.context.log.error(
        { err: error, method: args.request.method, url: args.request.url },
        "api request failed",
      );
      return noStore(
        Response.json(
          { error: "internal", message: "Something went wrong on our side. Try again in a moment." },
          { status: 500 },
        ),
      );
    }
  };
}

function noStore(response: Response): Response {
  if (!response.headers.has("Cache-Control")) response.headers.set("Cache-Control", "no-store");
  return response;
}

/** 405 for a method the endpoint does not answer, naming the ones it does. */
export function methodNotAllowed(allow: readonly string[]): never {
  throw Response.json(
    { error: "method_not_allowed", message: `Use ${allow.join(" or ")} here.` },
    { status: 405, headers: { Allow: allow.join(", ") } },
  );
}

function invalidJson(message: string): never {
  throw Response.json({ error: "invalid_json", message }, { status: 400 });
}

/**
 * The request's JSON body. Refuses (400) anything not sent as
 * `application/json` (which also keeps HTML forms of other sites out) or not
 * parseable, and (413) anything over MAX_JSON_BYTES, read no further.
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
    invalidJson("Send a JSON body with Content-Type: application/json.");
  }
  const text = await readLimited(request, MAX_JSON_BYTES);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return invalidJson("The body is not valid JSON.");
  }
}

/** The largest CSV file the API reads: a 50,000-row import is about 3 MiB. */
export const MAX_CSV_BYTES = 8 * 1024 * 1024;

/**
 * The request's CSV body as text. Refuses (400) anything not sent as
 * `text/csv` and (413) anything over MAX_CSV_BYTES, read no further.
 */
export async function readCsvBody(request: Request): Promise<string> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!/^text\/csv\s*(?:;|$)/i.test(type)) {
    throw Response.json(
      { error: "invalid_csv", message: "Send the file with Content-Type: text/csv.", rowErrors: [] },
      { status: 400 },
    );
  }
  return readLimited(request, MAX_CSV_BYTES);
}

function tooLarge(limit: number): never {
  const size = limit >= 1024 * 1024 ? `${limit / (1024 * 1024)} MiB` : `${limit / 1024} KiB`;
  throw Response.json({ error: "too_large", message: `Keep the body under ${size}.` }, { status: 413 });
}

/** The body as text, giving up (413) as soon as it passes `limit` bytes, or at once if it says it will. */
async function readLimited(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get("Content-Length") ?? 0);
  if (declared > limit) tooLarge(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Validates API input (a body or the query) with a zod schema, or throws the
 * 400 with messages per field. Problems with the whole value (a JSON array
 * where an object belongs) become the message.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const { formErrors, fieldErrors } = z.flattenError(result.error);
  const fields: Record<string, string[]> = {};
  for (const [name, messages] of Object.entries(fieldErrors as Record<string, string[] | undefined>)) {
    if (messages?.length) fields[name] = messages;
  }
  throw badRequest(fields, formErrors[0] ?? "Some fields are not valid.");
}
