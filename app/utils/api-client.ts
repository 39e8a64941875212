/**
 * The browser's one way to call Accord's JSON API (docs/API.md): same-origin
 * credentials, JSON both ways, and every refusal turned into an ApiError that
 * carries what the server said (its stable `error` id, message, field errors
 * and the whole body, for extras such as a sign-off's blocking threads).
 */

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** The API's stable id: `invalid_input`, `stale`, `blocking_threads`…; `offline` when unreachable. */
    readonly code: string,
    readonly fieldErrors: Record<string, string[]> = {},
    /** The error body as sent, for endpoint-specific details. */
    readonly body: Record<string, unknown> | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

const OFFLINE = "Accord can’t be reached right now. Check your connection and try again.";

export async function callApi<T>(method: string, url: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers:
        body === undefined
          ? { Accept: "application/json" }
          : { "Content-Type": "application/json", Accept: "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(OFFLINE, 0, "offline");
  }
  const data = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (!response.ok) {
    throw new ApiError(
      typeof data?.message === "string" ? data.message : `The request failed (${response.status}).`,
      response.status,
      typeof data?.error === "string" ? data.error : "error",
      (data?.fieldErrors ?? {}) as Record<string, string[]>,
      data,
    );
  }
  if (!data)
    throw new ApiError("The server answered something unexpected. Try again.", response.status, "error");
  return data as T;
}
