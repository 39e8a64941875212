import type { RequestHandler } from "express";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses state-changing requests that a browser sent from another origin, on
 * top of SameSite=Lax cookies. A browser always names the page that sent a
 * POST in `Origin` (or at least `Referer`); a request with neither comes from a
 * script or tool that carries no victim's cookies, and passes.
 */
export function sameOriginOnly(originOf: (req: Parameters<RequestHandler>[0]) => string): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get("origin");
    const source = origin ?? originFromReferer(req.get("referer"));
    if (source === undefined || source === originOf(req)) return next();
    const message = "This request came from another site and was refused.";
    if (req.path.startsWith("/api/")) {
      res.status(403).json({ error: "cross_origin", message });
    } else {
      res.status(403).type("text/plain").send(message);
    }
  };
}

function originFromReferer(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return "invalid";
  }
}
