import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { COLLAB_TOKEN_SECONDS } from "../../app/domain/collab";

/**
 * Short-lived `?token=` credentials for websocket clients that carry no
 * browser cookie (scripts, tests, other Yjs tools). A logged-in member asks
 * GET /api/plans/:id/collab-token and gets a token that is good for that one
 * plan, for COLLAB_TOKEN_SECONDS, and only while the session that asked for
 * it lives: the upgrade re-reads the session on every use.
 *
 * Format: `<payload>.<mac>`, both base64url; payload is JSON
 * `{ v: 1, u: userId, p: planId, s: sessionId, e: expiry (unix seconds) }`
 * and mac is HMAC-SHA256 over the payload text with a key derived from the
 * session secret, so a collab token and a session cookie signature can never
 * stand in for each other.
 */

export interface CollabTokenClaims {
  userId: string;
  planId: string;
  /** The sessions row id (sha256 of the cookie token); the token dies with it. */
  sessionId: string;
  /** Unix seconds. */
  expiresAt: number;
}

export type TokenCheck =
  { ok: true; claims: CollabTokenClaims } | { ok: false; reason: "malformed" | "bad-signature" | "expired" };

/** Tokens longer than this are not even looked at. */
const MAX_TOKEN_LENGTH = 1024;

const PayloadSchema = z.object({
  v: z.literal(1),
  u: z.uuid(),
  p: z.uuid(),
  s: z.string().regex(/^[0-9a-f]{64}$/),
  e: z.number().int().positive(),
});

function keyOf(secret: string): Buffer {
  return createHmac("sha256", secret).update("accord collab token v1").digest();
}

function macOf(secret: string, payload: string): Buffer {
  return createHmac("sha256", keyOf(secret)).update(payload).digest();
}

/** Issues a token for `planId`; `now` is injectable for tests of expiry. */
export function mintCollabToken(
  secret: string,
  subject: { userId: string; planId: string; sessionId: string },
  now: number = Date.now(),
): { token: string; expiresAt: Date } {
  const exp = Math.floor(now / 1000) + COLLAB_TOKEN_SECONDS;
  const payload = Buffer.from(
    JSON.stringify({ v: 1, u: subject.userId, p: subject.planId, s: subject.sessionId, e: exp }),
  ).toString("base64url");
  const token = `${payload}.${macOf(secret, payload).toString("base64url")}`;
  return { token, expiresAt: new Date(exp * 1000) };
}

/**
 * Checks signature and expiry. It does not check the plan or the session:
 * the caller compares `claims.planId` with the requested plan and re-reads
 * the session.
 */
export function verifyCollabToken(secret: string, token: string, now: number = Date.now()): TokenCheck {
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: "malformed" };
  const [payload, mac, ...rest] = token.split(".");
  if (!payload || !mac || rest.length) return { ok: false, reason: "malformed" };
  const given = Buffer.from(mac, "base64url");
  const expected = macOf(secret, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: "bad-signature" };
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const parsed = PayloadSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: "malformed" };
  const { u, p, s, e } = parsed.data;
  if (e * 1000 <= now) return { ok: false, reason: "expired" };
  return { ok: true, claims: { userId: u, planId: p, sessionId: s, expiresAt: e } };
}
