import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as Y from "yjs";
import { projectSections, writePlanContent } from "../../app/domain/plan";
import type { VersionSummaryJson } from "../../app/domain/signoff";
import { appendUpdate } from "../../db/queries/documents";
import { storedDoc } from "../support/collab";
import { createWorkspaceWithOwner } from "../support/factories";
import { loginAs } from "../support/client";
import { startTestServer, type TestServer } from "../support/server";
import {
  approveThrough,
  createPlan,
  expectJson,
  signoffOf,
  signoffWorld,
  type SignoffWorld,
} from "../support/signoff";

/**
 * GET /api/plans/:planId/export.md (DESIGN.md section 6): the plan or one
 * version as a Markdown download with its signers, signatures and hash;
 * what people typed stays text.
 */

let accord: TestServer;
let world: SignoffWorld;

/** Writes content into a plan nobody has open, as a raw Yjs peer could have. */
async function writeContent(planId: string, change: (sections: ReturnType<typeof projectSections>) => void) {
  const doc = await storedDoc(accord.sql, planId);
  const before = Y.encodeStateVector(doc);
  const sections = projectSections(doc);
  change(sections);
  writePlanContent(doc, sections);
  await appendUpdate(accord.sql, planId, Y.encodeStateAsUpdate(doc, before));
}

async function exported(planId: string, query = ""): Promise<{ response: Response; text: string }> {
  const response = await world.viewer.client.get(`/api/plans/${planId}/export.md${query}`);
  const text = await response.text();
  expect(response.status, text.slice(0, 500)).toBe(200);
  return { response, text };
}

beforeAll(async () => {
  accord = await startTestServer();
  world = await signoffWorld(accord);
});

afterAll(async () => {
  await accord?.close();
});

describe("export.md", () => {
  test("is a Markdown attachment with every section, escaped tables, safe links, signers and the hash", async () => {
    const planId = await createPlan(world.editor.client, "Q1 Plan: Retail & Logistics!");
    const market = randomUUID();
    await writeContent(planId, (s) => {
      s.strategy = {
        type: "doc",
        content: [
          {
            type: "paragraph",
            content: [
              { type: "text", text: "Read " },
              {
                type: "text",
                text: "this",
                marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }],
              },
              { type: "text", text: " and " },
              {
                type: "text",
                text: "that",
                marks: [{ type: "bold" }, { type: "link", attrs: { href: "https://example.com/x" } }],
              },
            ],
          },
        ],
      };
      s.targetMarkets = [
        {
          id: market,
          segment: "Retail | Grocery",
          icp: "<script>alert(1)</script>",
          region: "EU",
          companySize: "",
          priority: "high",
          ownerId: world.marketing.id,
        },
      ];
      s.campaigns = [
        {
          id: randomUUID(),
          name: "Spring *webinars*",
          channel: "webinar",
          targetMarketId: market,
          start: "2027-01-12",
          end: "2027-03-16",
          budget: 40000.5,
          expectedMqls: 220,
          ownerId: null,
          status: "planned",
        },
      ];
    });
    const state = await signoffOf(world.viewer.client, planId);
    const { response, text } = await exported(planId);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="2027-Q1-q1-plan-retail-logistics.md"',
    );

    expect(text).toMatch(/^# Q1 Plan: Retail \\& Logistics\\!\n/);
    expect(text).toContain("- **Status:** Draft");
    expect(text).toContain("- **Version:** Current content");
    expect(text).toContain(`- **Content hash:** \`${state.currentHash}\``);
    expect(text).toContain("Read this and [**that**](<https://example.com/x>)");
    expect(text).not.toContain("javascript:");
    expect(text).not.toContain("<script>");
    expect(text).toContain(
      `| Retail \\| Grocery | \\<script\\>alert(1)\\</script\\> | EU |   | High | ${world.marketing.member.user.name} |`,
    );
    expect(text).toContain(
      "| Spring \\*webinars\\* | Webinar | Retail \\| Grocery | Jan 12, 2027 | Mar 16, 2027 | $40,000.50 | 220 |   | Planned |",
    );
    expect(text).toContain("### Reverse funnel");
    expect(text).toContain("## Glossary");
    expect(text).toContain(
      `- ${world.sales.member.user.name} (Sales)\n- ${world.marketing.member.user.name} (Marketing)`,
    );
    expect(text).toContain("No signatures on this content.");
  });

  test("an approved plan exports what was signed, with each signature; a version can be asked for", async () => {
    const planId = await createPlan(world.editor.client, "Signed plan");
    const { version } = await expectJson<{ version: VersionSummaryJson }>(
      await world.editor.client.postJson(`/api/plans/${planId}/versions`, { name: "Kickoff" }),
      201,
    );
    await writeContent(planId, (s) => {
      s.leadDefinitions.slaHours = 12;
    });
    const approved = await approveThrough(world, planId);
    const { text } = await exported(planId);
    expect(text).toContain("- **Status:** Approved");
    expect(text).toMatch(/- \*\*Version:\*\* v3 · Approved · \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(text).toContain("**Follow-up SLA:** 12 hours");
    expect(text).toContain(`\`${approved.currentHash}\``);
    for (const person of [world.sales, world.marketing]) {
      expect(text).toMatch(
        new RegExp(
          `- ${person.member.user.name} \\(\\w+\\) approved on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC, content hash \`${approved.currentHash}\``,
        ),
      );
    }

    const old = await exported(planId, `?version=${version.id}`);
    expect(old.response.headers.get("content-disposition")).toBe(
      'attachment; filename="2027-Q1-signed-plan-v1.md"',
    );
    expect(old.text).toContain("- **Version:** v1 · Kickoff");
    expect(old.text).toContain("**Follow-up SLA:** 24 hours");
    expect(old.text).toContain(`\`${version.hash}\``);
    expect(old.text).toContain("No signatures on this content.");
  });

  test("unknown versions, other plans and other workspaces are 404", async () => {
    const planId = await createPlan(world.editor.client);
    const otherPlan = await createPlan(world.editor.client);
    const { version } = await expectJson<{ version: VersionSummaryJson }>(
      await world.editor.client.postJson(`/api/plans/${otherPlan}/versions`, { name: "Elsewhere" }),
      201,
    );
    for (const query of ["?version=nope", `?version=${version.id}`, `?version=${randomUUID()}`]) {
      expect((await world.viewer.client.get(`/api/plans/${planId}/export.md${query}`)).status, query).toBe(
        404,
      );
    }
    const { owner } = await createWorkspaceWithOwner(accord.sql);
    const outsider = await loginAs(accord, owner);
    const refused = await outsider.get(`/api/plans/${planId}/export.md`);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ error: "not_found" });
  });
});
