import { createHmac } from "node:crypto";
import { describe, expect, test } from "vitest";
import { COLLAB_TOKEN_SECONDS } from "../../app/domain/collab";
import { mintCollabToken, verifyCollabToken } from "./tokens";

const SECRET = "a-session-secret-of-at-least-32-characters";
const subject = {
  userId: "0b7f6a52-6d0e-4c34-9a43-0a3f5d9d1a01",
  planId: "5e0b8a0c-2f4d-4c1e-8f61-1f2b3c4d5e6f",
  sessionId: "c".repeat(64),
};
const NOW = Date.UTC(2027, 0, 15, 9, 30);

describe("collab tokens", () => {
  test("carry user, plan and session, and expire after COLLAB_TOKEN_SECONDS", () => {
    const { token, expiresAt } = mintCollabToken(SECRET, subject, NOW);
    expect(expiresAt.getTime()).toBe(NOW + COLLAB_TOKEN_SECONDS * 1000);
    expect(verifyCollabToken(SECRET, token, NOW)).toEqual({
      ok: true,
      claims: { ...subject, expiresAt: (NOW + COLLAB_TOKEN_SECONDS * 1000) / 1000 },
    });
    expect(verifyCollabToken(SECRET, token, NOW + (COLLAB_TOKEN_SECONDS - 1) * 1000).ok).toBe(true);
    expect(verifyCollabToken(SECRET, token, NOW + COLLAB_TOKEN_SECONDS * 1000)).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  test("are refused when signed with another secret or altered", () => {
    const { token } = mintCollabToken(SECRET, subject, NOW);
    expect(verifyCollabToken("another-secret-of-at-least-32-characters", token, NOW)).toEqual({
      ok: false,
      reason: "bad-signature",
    });
    const [payload, mac] = token.split(".") as [string, string];
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as Record<string, unknown>;
    const otherPlan = Buffer.from(
      JSON.stringify({ ...claims, p: "11111111-1111-4111-8111-111111111111" }),
    ).toString("base64url");
    expect(verifyCollabToken(SECRET, `${otherPlan}.${mac}`, NOW)).toEqual({
      ok: false,
      reason: "bad-signature",
    });
    const longer = Buffer.from(JSON.stringify({ ...claims, e: 9_999_999_999 })).toString("base64url");
    expect(verifyCollabToken(SECRET, `${longer}.${mac}`, NOW)).toEqual({
      ok: false,
      reason: "bad-signature",
    });
  });

  test("are not a session cookie signature: the key is derived for tokens only", () => {
    // A mac made with the raw secret (as cookie signing uses it) does not pass.
    const payload = Buffer.from(
      JSON.stringify({
        v: 1,
        u: subject.userId,
        p: subject.planId,
        s: subject.sessionId,
        e: NOW / 1000 + 60,
      }),
    ).toString("base64url");
    const rawMac = createHmac("sha256", SECRET).update(payload).digest("base64url");
    expect(verifyCollabToken(SECRET, `${payload}.${rawMac}`, NOW).ok).toBe(false);
  });

  test.each(["", "abc", "a.b.c", ".", "x".repeat(5000), `${"e30"}.${"A".repeat(43)}`])(
    "refuses malformed %j",
    (token) => {
      const check = verifyCollabToken(SECRET, token, NOW);
      expect(check.ok).toBe(false);
    },
  );

  test("refuses a well-signed payload with the wrong shape", () => {
    const payload = Buffer.from(JSON.stringify({ v: 2, u: "x" })).toString("base64url");
    const key = createHmac("sha256", SECRET).update("accord collab token v1").digest();
    const mac = createHmac("sha256", key).update(payload).digest("base64url");
    expect(verifyCollabToken(SECRET, `${payload}.${mac}`, NOW)).toEqual({ ok: false, reason: "malformed" });
  });
});
