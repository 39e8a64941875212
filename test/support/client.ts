import { DEMO_PASSWORD } from "../../db/seed";
import type { Db } from "../../db/sql";
import type { BuiltUser } from "./build-user";

/** Form fields; `undefined` leaves a field out, arrays repeat it. */
export type FormFields =
  Record<string, string | number | boolean | undefined | ReadonlyArray<string>> | URLSearchParams;

export interface RequestOptions {
  /**
   * The `Origin` header. Non-GET requests send the client's own origin by
   * default, as a browser does on a same-site form post or fetch; pass another
   * origin to play a cross-site page, or `null` to send none (a script or tool).
   */
  origin?: string | null;
  headers?: Record<string, string>;
}

/**
 * A small HTTP client for integration tests: global fetch with a cookie jar
 * and no redirect following, so tests see the 302s that Remix actions answer.
 *
 * Remix runs a route's action for a POST to that route's URL. A URL served by
 * an index route (`app/routes/plans._index.tsx` for `/plans`) is shared with
 * its parent layout, and a plain POST there goes to the layout: add `?index`
 * (`c.postForm("/plans?index", ...)`), exactly as Remix's <Form> does.
 */
export class TestClient {
  readonly baseUrl: string;
  /** Cookie name -> value, as the server last set them. */
  readonly cookies = new Map<string, string>();

  constructor(baseUrl: string | URL) {
    this.baseUrl = new URL(baseUrl).origin;
  }

  /** The cookie's current value, e.g. `cookie("accord_session")`. */
  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** fetch() against the base URL, carrying and updating the cookie jar. */
  async request(path: string, init: RequestInit = {}, options: RequestOptions = {}): Promise<Response> {
    const method = (init.method ?? "GET").toUpperCase();
    const headers = new Headers(init.headers);
    for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
    if (this.cookies.size && !headers.has("cookie")) {
      headers.set("cookie", [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    }
    const origin = options.origin === undefined ? this.baseUrl : options.origin;
    if (method !== "GET" && method !== "HEAD" && origin !== null) headers.set("origin", origin);

    const response = await fetch(new URL(path, this.baseUrl), {
      ...init,
      method,
      headers,
      redirect: "manual",
    });
    this.remember(response.headers.getSetCookie());
    return response;
  }

  get(path: string, options?: RequestOptions): Promise<Response> {
    return this.request(path, {}, options);
  }

  /** A browser-style form submission (application/x-www-form-urlencoded). */
  postForm(path: string, fields: FormFields, options?: RequestOptions): Promise<Response> {
    return this.request(path, { method: "POST", body: toSearchParams(fields) }, options);
  }

  postJson(path: string, body: unknown, options?: RequestOptions): Promise<Response> {
    return this.sendJson("POST", path, body, options);
  }

  patchJson(path: string, body: unknown, options?: RequestOptions): Promise<Response> {
    return this.sendJson("PATCH", path, body, options);
  }

  delete(path: string, options?: RequestOptions): Promise<Response> {
    return this.request(path, { method: "DELETE" }, options);
  }

  /** Logs in through the real form action; throws (with the page) unless it redirects. */
  async login(email: string, password: string, options: { redirectTo?: string } = {}): Promise<Response> {
    const response = await this.postForm("/login", { email, password, redirectTo: options.redirectTo });
    return expectRedirect(response, `log in as ${email}`);
  }

  /** Signs up through the real form action (a new user and workspace); throws unless it redirects. */
  async signup(user: BuiltUser): Promise<Response> {
    const response = await this.postForm("/signup", {
      name: user.name,
      email: user.email,
      password: user.password,
      workspace: user.workspace,
    });
    return expectRedirect(response, `sign up as ${user.email}`);
  }

  async logout(): Promise<Response> {
    return expectRedirect(await this.postForm("/logout", {}), "log out");
  }

  private sendJson(method: string, path: string, body: unknown, options: RequestOptions = {}) {
    return this.request(
      path,
      { method, body: JSON.stringify(body) },
      { ...options, headers: { "content-type": "application/json", ...options.headers } },
    );
  }

  private remember(setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === "" || attributes.some(isExpiry)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/** `Max-Age=0` (or negative) or an `Expires` in the past: the server is clearing the cookie. */
function isExpiry(attribute: string): boolean {
  const [key = "", value = ""] = attribute.split("=").map((s) => s.trim());
  if (key.toLowerCase() === "max-age") return Number(value) <= 0;
  if (key.toLowerCase() === "expires") return Date.parse(value) <= Date.now();
  return false;
}

function toSearchParams(fields: FormFields): URLSearchParams {
  if (fields instanceof URLSearchParams) return fields;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value as ReadonlyArray<string>) params.append(name, v);
    else params.append(name, String(value));
  }
  return params;
}

/** Returns the response if it is a 302/303 redirect; otherwise throws with status and body. */
export async function expectRedirect(response: Response, what: string): Promise<Response> {
  if (response.status === 302 || response.status === 303) return response;
  const body = await response.text().catch(() => "");
  const hint = response.status === 429 ? " (rate limited: too many failed logins from this address)" : "";
  throw new Error(
    `Expected a redirect when trying to ${what}, got ${response.status}${hint}:\n${body.slice(0, 2000)}`,
  );
}

/**
 * A client logged in as `member` on `server`. Clears the login counters
 * first: files that also test failed logins (which count per address, and
 * every test client is 127.0.0.1) must not lock out their own setup.
 */
export async function loginAs(
  server: { url: string; sql: Db },
  member: { email: string; password: string },
): Promise<TestClient> {
  await server.sql`delete from rate_limits`;
  const client = new TestClient(server.url);
  await client.login(member.email, member.password);
  return client;
}

/** Logs in as one of the seeded demo people, by the name before the @: `loginAsDemo(accord, "maya")`. */
export async function loginAsDemo(server: { url: string; sql: Db }, who: string): Promise<TestClient> {
  return loginAs(server, { email: `${who}@northwind.test`, password: DEMO_PASSWORD });
}
