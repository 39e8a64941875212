import http from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type WorkspaceRow } from "../../db/queries/workspaces";
import { TestClient, loginAs } from "../support/client";
import { buildUser, createMember, createWorkspaceWithOwner, type CreatedMember } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Sign-up, login, logout and the session cookie through the real forms, the
 * login rate limits, and the same-origin guard on form posts.
 */

let accord: TestServer;
let workspace: WorkspaceRow;
let owner: CreatedMember;

beforeAll(async () => {
  accord = await startTestServer();
  ({ workspace, owner } = await createWorkspaceWithOwner(accord.sql));
});

afterAll(async () => {
  await accord?.close();
});

const clientOf = (member: { email: string; password: string }) => loginAs(accord, member);

const count = async (table: "users" | "workspaces" | "sessions" | "plans" | "memberships") => {
  const [row] = await accord.sql<{ n: number }[]>`select count(*)::int as n from ${accord.sql(table)}`;
  return row!.n;
};

const sessionsOf = async (userId: string) => {
  const [row] = await accord.sql<
    { n: number }[]
  >`select count(*)::int as n from sessions where user_id = ${userId}`;
  return row!.n;
};

/**
 * A form post from a given loopback address (127.0.0.2, 127.0.0.3, ...), so a
 * test can play several clients for the per-address login limit.
 */
function postFormFrom(
  localAddress: string,
  path: string,
  fields: Record<string, string>,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const url = new URL(path, accord.url);
  const body = new URLSearchParams(fields).toString();
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: "POST",
        localAddress,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "content-length": Buffer.byteLength(body),
          origin: new URL(accord.url).origin,
        },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
        );
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

describe("sign-up", () => {
  test("creates the user, their workspace, their ownership of it and a session", async () => {
    const person = buildUser({ email: `New.Person.${Date.now()}@Example.test` });
    const client = new TestClient(accord.url);
    const response = await client.signup(person);
    expect(response.headers.get("location")).toBe("/plans");

    const [user] =
      await accord.sql`select id, email, name from users where lower(email) = lower(${person.email})`;
    expect(user).toMatchObject({ email: person.email.toLowerCase(), name: person.name });
    const memberships = await accord.sql`
      select m.role, m.team, w.name, w.id from memberships m join workspaces w on w.id = m.workspace_id
      where m.user_id = ${user!.id}`;
    expect(memberships).toEqual([
      { role: "owner", team: "leadership", name: person.workspace, id: expect.any(String) },
    ]);
    const sessions = await accord.sql`select workspace_id from sessions where user_id = ${user!.id}`;
    expect(sessions).toEqual([{ workspace_id: memberships[0]!.id }]);
    const audit = await accord.sql`select action from audit_log where workspace_id = ${memberships[0]!.id}`;
    expect(audit).toEqual([{ action: "workspace.created" }]);

    const me = await client.get("/api/me");
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      user: { email: person.email.toLowerCase() },
      workspace: { role: "owner" },
    });
  });

  test.each([
    ["the same case", (e: string) => e],
    ["another case", (e: string) => e.toUpperCase()],
  ])(
    "refuses an e-mail already taken (%s) with 409 and the field message, creating nothing",
    async (_what, variant) => {
      const first = buildUser();
      await new TestClient(accord.url).signup(first);
      const [users, workspaces, sessions] = [
        await count("users"),
        await count("workspaces"),
        await count("sessions"),
      ];

      const response = await new TestClient(accord.url).postForm("/signup", {
        ...buildUser(),
        email: variant(first.email),
      });
      expect(response.status).toBe(409);
      expect(await response.text()).toContain("An account with this e-mail already exists. Log in instead.");
      expect(response.headers.getSetCookie()).toEqual([]);
      const [same] =
        await accord.sql`select count(*)::int as n from users where lower(email) = lower(${first.email})`;
      expect(same!.n).toBe(1);
      expect([await count("users"), await count("workspaces"), await count("sessions")]).toEqual([
        users,
        workspaces,
        sessions,
      ]);
    },
  );

  test("refuses a 9-character password with 400 and writes nothing", async () => {
    const before = [await count("users"), await count("workspaces")];
    const person = buildUser({ password: "123456789" });
    const response = await new TestClient(accord.url).postForm("/signup", { ...person });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Use at least 10 characters.");
    expect([await count("users"), await count("workspaces")]).toEqual(before);
    const [row] = await accord.sql`select count(*)::int as n from users where email = ${person.email}`;
    expect(row!.n).toBe(0);
  });

  test("accepts a password of exactly 10 characters", async () => {
    await new TestClient(accord.url).signup(buildUser({ password: "1234567890" }));
  });

  test.each(["not-an-email", "name@", "@example.test", ""])(
    "refuses the e-mail %j with 400",
    async (email) => {
      const before = await count("users");
      const response = await new TestClient(accord.url).postForm("/signup", { ...buildUser(), email });
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toMatch(
        /Enter a valid e-mail address, like name@company\.com\.|Enter your e-mail address\./,
      );
      expect(await count("users")).toBe(before);
    },
  );
});

describe("login and logout", () => {
  test("a wrong password answers 401 with a message and starts no session", async () => {
    await accord.sql`delete from rate_limits`;
    const sessions = await sessionsOf(owner.user.id);
    const response = await new TestClient(accord.url).postForm("/login", {
      email: owner.email,
      password: "not the password",
    });
    expect(response.status).toBe(401);
    expect(await response.text()).toContain("That e-mail and password do not match an account.");
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await sessionsOf(owner.user.id)).toBe(sessions);
  });

  test("an unknown e-mail answers the same 401", async () => {
    await accord.sql`delete from rate_limits`;
    const sessions = await count("sessions");
    const response = await new TestClient(accord.url).postForm("/login", {
      email: "nobody@example.test",
      password: "whatever-it-is",
    });
    expect(response.status).toBe(401);
    expect(await response.text()).toContain("That e-mail and password do not match an account.");
    expect(await count("sessions")).toBe(sessions);
  });

  test("logging in is case-insensitive on the e-mail and starts a session", async () => {
    await accord.sql`delete from rate_limits`;
    const before = await sessionsOf(owner.user.id);
    const client = new TestClient(accord.url);
    const response = await client.login(owner.email.toUpperCase(), owner.password);
    expect(response.headers.get("location")).toBe("/plans");
    expect(await sessionsOf(owner.user.id)).toBe(before + 1);
  });

  test("logout deletes the session row and clears the cookie", async () => {
    const member = await createMember(accord.sql, { workspaceId: workspace.id });
    const client = await clientOf(member);
    expect(await sessionsOf(member.user.id)).toBe(1);
    const response = await client.logout();
    expect(response.headers.get("location")).toBe("/login");
    expect(response.headers.getSetCookie().join("\n")).toMatch(
      /accord_session=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/,
    );
    expect(await sessionsOf(member.user.id)).toBe(0);
    expect(client.cookie("accord_session")).toBeUndefined();
    expect((await client.get("/plans")).headers.get("location")).toBe("/login?redirectTo=%2Fplans");
  });
});

describe("the session cookie", () => {
  test("is HttpOnly, SameSite=Lax, Path=/ and not Secure over plain HTTP", async () => {
    await accord.sql`delete from rate_limits`;
    const client = new TestClient(accord.url);
    const response = await client.login(owner.email, owner.password);
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^accord_session=[^;]+;/);
    const attributes = cookie!.split(";").map((a) => a.trim().toLowerCase());
    expect(attributes).toContain("httponly");
    expect(attributes).toContain("samesite=lax");
    expect(attributes).toContain("path=/");
    expect(attributes).not.toContain("secure");
  });

  test("is Secure when the app is served over HTTPS", async () => {
    const https = await startTestServer({ appOrigin: "https://accord.example" });
    try {
      const { owner: someone } = await createWorkspaceWithOwner(https.sql);
      // A proxy in front would pass the browser's https Origin; a tool sends none.
      const response = await new TestClient(https.url).postForm(
        "/login",
        { email: someone.email, password: someone.password },
        { origin: null },
      );
      expect(response.status).toBe(302);
      expect(
        response.headers
          .getSetCookie()[0]!
          .split(";")
          .map((a) => a.trim().toLowerCase()),
      ).toContain("secure");
    } finally {
      await https.close();
    }
  });

  test("with a tampered signature counts as logged out", async () => {
    const client = await clientOf(owner);
    expect((await client.get("/plans")).status).toBe(200);
    const value = client.cookie("accord_session")!;
    client.cookies.set("accord_session", value.slice(0, -1) + (value.at(-1) === "A" ? "B" : "A"));
    expect((await client.get("/plans")).headers.get("location")).toBe("/login?redirectTo=%2Fplans");
    expect((await client.get("/login")).status).toBe(200);
    expect((await client.get("/api/me")).status).toBe(401);
  });
});

describe("login rate limits (10 a minute)", () => {
  const message = /Too many login attempts\. Wait \d+ seconds and try again\./;

  const expectLimited = (response: { status: number; headers: http.IncomingHttpHeaders; body: string }) => {
    expect(response.status).toBe(429);
    expect(response.body).toMatch(message);
    expect(response.headers["set-cookie"]).toBeUndefined();
    const retryAfter = Number(response.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  };

  test("per account: after 10 attempts from anywhere, the 11th is refused even with the right password", async () => {
    await accord.sql`delete from rate_limits`;
    const victim = await createMember(accord.sql, { workspaceId: workspace.id });
    // Ten guesses, each from a different address, so only the account's counter reaches 10.
    for (let i = 1; i <= 10; i++) {
      const guess = await postFormFrom(`127.0.1.${i}`, "/login", {
        email: victim.email,
        password: `guess-${i}`,
      });
      expect(guess.status, `attempt ${i}`).toBe(401);
    }
    const eleventh = await postFormFrom("127.0.1.11", "/login", {
      email: victim.email,
      password: victim.password,
    });
    expectLimited(eleventh);
    // The same e-mail in another case is the same account.
    expectLimited(
      await postFormFrom("127.0.1.12", "/login", {
        email: victim.email.toUpperCase(),
        password: victim.password,
      }),
    );
    expect(await sessionsOf(victim.user.id)).toBe(0);

    // Other accounts, even from those addresses, are not affected.
    const ok = await postFormFrom("127.0.1.11", "/login", { email: owner.email, password: owner.password });
    expect(ok.status).toBe(302);
  });

  test("per address: after 10 attempts from one address, its 11th is refused, whatever the account", async () => {
    await accord.sql`delete from rate_limits`;
    const member = await createMember(accord.sql, { workspaceId: workspace.id });
    for (let i = 1; i <= 10; i++) {
      const attempt = await postFormFrom("127.0.2.1", "/login", {
        email: `stranger-${i}@example.test`,
        password: "not-a-password",
      });
      expect(attempt.status, `attempt ${i}`).toBe(401);
    }
    expectLimited(
      await postFormFrom("127.0.2.1", "/login", { email: member.email, password: member.password }),
    );
    expect(await sessionsOf(member.user.id)).toBe(0);

    // The same account from another address still gets in.
    const elsewhere = await postFormFrom("127.0.2.2", "/login", {
      email: member.email,
      password: member.password,
    });
    expect(elsewhere.status).toBe(302);
    expect(await sessionsOf(member.user.id)).toBe(1);
  });

  test("successful logins do not count: a team behind one address is never locked out", async () => {
    await accord.sql`delete from rate_limits`;
    const team = await Promise.all(
      Array.from({ length: 3 }, () => createMember(accord.sql, { workspaceId: workspace.id })),
    );
    for (let i = 0; i < 12; i++) {
      const member = team[i % team.length]!;
      const login = await postFormFrom("127.0.3.1", "/login", {
        email: member.email,
        password: member.password,
      });
      expect(login.status, `login ${i + 1}`).toBe(302);
    }
  });

  test("the 429 comes through the login page with the message, Retry-After and no session", async () => {
    await accord.sql`delete from rate_limits`;
    const client = new TestClient(accord.url);
    for (let i = 1; i <= 10; i++) {
      expect(
        (await client.postForm("/login", { email: owner.email, password: "wrong-password" })).status,
      ).toBe(401);
    }
    const before = await sessionsOf(owner.user.id);
    const response = await client.postForm("/login", { email: owner.email, password: owner.password });
    await accord.sql`delete from rate_limits`;
    expect(response.status).toBe(429);
    expect(await response.text()).toMatch(message);
    expect(await sessionsOf(owner.user.id)).toBe(before);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("form posts from another origin", () => {
  const evil = { origin: "http://evil.example" };

  const expectRefused = async (response: Response) => {
    expect(response.status).toBe(403);
    expect(await response.text()).toBe("This request came from another site and was refused.");
    expect(response.headers.getSetCookie()).toEqual([]);
  };

  test("POST /login is refused, starts no session and counts no attempt", async () => {
    await accord.sql`delete from rate_limits`;
    const sessions = await sessionsOf(owner.user.id);
    await expectRefused(
      await new TestClient(accord.url).postForm(
        "/login",
        { email: owner.email, password: owner.password },
        evil,
      ),
    );
    expect(await sessionsOf(owner.user.id)).toBe(sessions);
    expect(await accord.sql`select * from rate_limits`).toEqual([]);
  });

  test("POST /signup is refused and creates nothing", async () => {
    const before = [await count("users"), await count("workspaces"), await count("sessions")];
    const person = buildUser();
    await expectRefused(await new TestClient(accord.url).postForm("/signup", { ...person }, evil));
    expect([await count("users"), await count("workspaces"), await count("sessions")]).toEqual(before);
  });

  test("POST /plans/new is refused and creates no plan", async () => {
    const client = await clientOf(owner);
    const before = await count("plans");
    await expectRefused(
      await client.postForm("/plans/new", { title: "Cross-site plan", period: "2027-Q1" }, evil),
    );
    expect(await count("plans")).toBe(before);
  });

  test("POST /logout is refused and the session lives on", async () => {
    const member = await createMember(accord.sql, { workspaceId: workspace.id });
    const client = await clientOf(member);
    await expectRefused(await client.postForm("/logout", {}, evil));
    expect(await sessionsOf(member.user.id)).toBe(1);
    expect((await client.get("/api/me")).status).toBe(200);
  });

  test("a Referer from another origin, without Origin, is refused too", async () => {
    const client = await clientOf(owner);
    const before = await count("plans");
    await expectRefused(
      await client.postForm(
        "/plans/new",
        { title: "Via referer", period: "2027-Q1" },
        { origin: null, headers: { referer: "http://evil.example/page" } },
      ),
    );
    expect(await count("plans")).toBe(before);
    await expectRefused(
      await new TestClient(accord.url).postForm(
        "/signup",
        { ...buildUser() },
        {
          origin: null,
          headers: { referer: "not a url" },
        },
      ),
    );
  });

  test("the app's own Origin passes, and so does its own Referer without Origin", async () => {
    const client = await clientOf(owner);
    const own = await client.postForm("/plans/new", { title: "Same-site plan", period: "2027-Q1" });
    expect(own.status).toBe(302);
    const viaReferer = await client.postForm(
      "/plans/new",
      { title: "Same-site by referer", period: "2027-Q1" },
      { origin: null, headers: { referer: `${accord.url}/plans/new` } },
    );
    expect(viaReferer.status).toBe(302);
    const [row] = await accord.sql`select count(*)::int as n from plans where title like 'Same-site%'`;
    expect(row!.n).toBe(2);
  });

  test("an Origin that differs only in port is another origin", async () => {
    const url = new URL(accord.url);
    const client = await clientOf(owner);
    await expectRefused(
      await client.postForm(
        "/plans/new",
        { title: "Other port", period: "2027-Q1" },
        { origin: `${url.protocol}//${url.hostname}:${Number(url.port) + 1}` },
      ),
    );
  });
});
