/**
 * The one home of HTTP errors. Pages and API routes throw these; Remix turns a
 * thrown Response into the error boundary (pages) or the response itself (API).
 */

export function notFound(message = "Not found."): never {
  throw Response.json({ error: "not_found", message }, { status: 404 });
}

export function forbidden(message = "You do not have permission to do that."): never {
  throw Response.json({ error: "forbidden", message }, { status: 403 });
}

/** The request cannot apply to the thing as it is now (an edit of a deleted comment). */
export function conflict(message: string): never {
  throw Response.json({ error: "conflict", message }, { status: 409 });
}

/** Throws 404 unless the condition holds: "not yours" and "does not exist" look the same. */
export function invariantFound<T>(value: T | null | undefined, message?: string): asserts value is T {
  if (value === null || value === undefined) notFound(message);
}

/** A JSON error body with field messages, as every API route answers bad input. */
export function badRequest(
  fieldErrors: Record<string, string[]>,
  message = "Some fields are not valid.",
): Response {
  return Response.json({ error: "invalid_input", message, fieldErrors }, { status: 400 });
}

export function unauthenticatedJson(): Response {
  return Response.json({ error: "unauthenticated", message: "Log in first." }, { status: 401 });
}

/** Only same-site relative paths, so `?redirectTo=` cannot send anyone elsewhere. */
export function safeRedirectPath(to: unknown, fallback = "/plans"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) {
    return fallback;
  }
  return to;
}
