import { createHash } from "node:crypto";
import { createCookie, type Cookie } from "@remix-run/node";

/**
 * The session cookie, shared by the Remix side (app/utils/session.server.ts)
 * and the websocket upgrade (server/collab/authorize.ts): one place decides
 * its name, flags and signature, so both read a cookie the same way.
 */

export const SESSION_COOKIE_NAME = "accord_session";
export const SESSION_DAYS = 30;

export interface SessionCookieOptions {
  sessionSecret: string;
  /** Set the Secure flag: the app is served over HTTPS. */
  secureCookies: boolean;
}

const cookies = new Map<string, Cookie>();

/** The signed session cookie: httpOnly, SameSite=Lax, Secure over HTTPS. */
export function sessionCookie(options: SessionCookieOptions): Cookie {
  const key = `${options.secureCookies}:${options.sessionSecret}`;
  let cookie = cookies.get(key);
  if (!cookie) {
    cookie = createCookie(SESSION_COOKIE_NAME, {
      httpOnly: true,
      sameSite: "lax",
      secure: options.secureCookies,
      path: "/",
      maxAge: SESSION_DAYS * 24 * 60 * 60,
      secrets: [options.sessionSecret],
    });
    cookies.set(key, cookie);
  }
  return cookie;
}

/** The id stored in Postgres: a hash of the cookie's token, so a copy of the table impersonates nobody. */
export function sessionIdOf(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * The session token a `Cookie` header carries, when its signature checks out;
 * undefined for no cookie, a forged one or an empty one.
 */
export async function sessionTokenOf(
  cookieHeader: string | null | undefined,
  options: SessionCookieOptions,
): Promise<string | undefined> {
  if (!cookieHeader) return undefined;
  const value: unknown = await sessionCookie(options).parse(cookieHeader);
  return typeof value === "string" && value.length > 0 ? value : undefined;
}
