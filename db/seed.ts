import type { Role, Team } from "../app/domain/membership";
import * as Y from "yjs";
import { seedDemoFeedback } from "./demo-feedback";
import { demoPlanDoc } from "./demo-plan";
import { seedRunningQuarter } from "./demo-running-quarter";
import { seedDemoThreads } from "./demo-threads";
import { appendAudit } from "./queries/audit";
import { appendUpdate } from "./queries/documents";
import { insertPlan } from "./queries/plans";
import { insertUser } from "./queries/users";
import { insertMembership, insertWorkspace } from "./queries/workspaces";
import type { Sql } from "./sql";

export const DEMO_PASSWORD = "accord-demo";
export const DEMO_WORKSPACE = "Northwind Analytics";

/** The demo workspace's people, as printed at start and listed in the README. */
export const DEMO_USERS: ReadonlyArray<{
  email: string;
  name: string;
  role: Role;
  team: Team;
  canSignOff: boolean;
  note: string;
}> = [
  {
    email: "owner@northwind.test",
    name: "Olivia Owens",
    role: "owner",
    team: "leadership",
    canSignOff: false,
    note: "owner, leadership",
  },
  {
    email: "maya@northwind.test",
    name: "Maya Patel",
    role: "editor",
    team: "marketing",
    canSignOff: false,
    note: "marketing, editor",
  },
  {
    email: "sam@northwind.test",
    name: "Sam Carter",
    role: "editor",
    team: "sales",
    canSignOff: false,
    note: "sales, editor",
  },
  {
    email: "lena@northwind.test",
    name: "Lena Fischer",
    role: "editor",
    team: "marketing",
    canSignOff: true,
    note: "marketing leader, signs off",
  },
  {
    email: "raj@northwind.test",
    name: "Raj Mehta",
    role: "editor",
    team: "sales",
    canSignOff: true,
    note: "sales leader, signs off",
  },
  {
    email: "vic@northwind.test",
    name: "Vic Romero",
    role: "viewer",
    team: "other",
    canSignOff: false,
    note: "viewer",
  },
];

/**
 * Seeds the demo workspace when the database has no users yet. Returns whether
 * it seeded. Everything goes in one transaction: a half-seeded database would
 * never be seeded again.
 */
export async function seedDemoIfEmpty(
  sql: Sql,
  hashPassword: (password: string) => Promise<string>,
): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return sql.begin(async (tx) => {
    await tx`lock table users in exclusive mode`;
    const [any] = await tx`select 1 from users limit 1`;
    if (any) return false;
    const workspace = await insertWorkspace(tx, DEMO_WORKSPACE);
    const ids = new Map<string, string>();
    for (const person of DEMO_USERS) {
      const user = await insertUser(tx, { email: person.email, name: person.name, passwordHash });
      ids.set(person.email.split("@")[0]!, user.id);
      await insertMembership(tx, {
        workspaceId: workspace.id,
        userId: user.id,
        role: person.role,
        team: person.team,
        canSignOff: person.canSignOff,
      });
    }
    const ownerId = ids.get("owner")!;
    await appendAudit(tx, { workspaceId: workspace.id, actorId: ownerId, action: "workspace.created" });
    const plan = await insertPlan(tx, {
      workspaceId: workspace.id,
      title: "FY27 Q1 joint plan",
      period: "2027-Q1",
      currency: "USD",
      createdBy: ownerId,
    });
    const person = (key: string) => ids.get(key)!;
    const { doc, content } = demoPlanDoc({
      maya: person("maya"),
      sam: person("sam"),
      lena: person("lena"),
      raj: person("raj"),
    });
    try {
      await appendUpdate(tx, plan.id, Y.encodeStateAsUpdate(doc));
      await appendAudit(tx, {
        workspaceId: workspace.id,
        planId: plan.id,
        actorId: ownerId,
        action: "plan.created",
      });
      const named = (key: string) => ({
        id: person(key),
        name: DEMO_USERS.find((u) => u.email.startsWith(`${key}@`))!.name,
      });
      await seedDemoThreads(tx, {
        workspaceId: workspace.id,
        planId: plan.id,
        doc,
        content,
        people: {
          owner: named("owner"),
          maya: named("maya"),
          sam: named("sam"),
          lena: named("lena"),
          raj: named("raj"),
        },
      });
    } finally {
      doc.destroy();
    }
    const running = await seedRunningQuarter(tx, {
      workspaceId: workspace.id,
      people: {
        owner: ownerId,
        maya: person("maya"),
        sam: person("sam"),
        lena: person("lena"),
        raj: person("raj"),
      },
      today: new Date().toISOString().slice(0, 10),
    });
    // What the field heard this quarter, about the running quarter's markets and campaigns.
    await seedDemoFeedback(tx, {
      workspaceId: workspace.id,
      planId: running.planId,
      marketIds: running.content.targetMarkets.map((m) => m.id),
      campaignIds: running.content.campaigns.map((c) => c.id),
      people: {
        maya: { id: person("maya") },
        sam: { id: person("sam") },
        lena: { id: person("lena") },
        raj: { id: person("raj") },
      },
    });
    return true;
  });
}

/** Whether the demo accounts exist, so the start banner can show them. */
export async function hasDemoUsers(sql: Sql): Promise<boolean> {
  const [row] = await sql`select 1 from users where lower(email) = ${DEMO_USERS[0]!.email}`;
  return Boolean(row);
}
