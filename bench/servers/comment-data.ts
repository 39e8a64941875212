import { randomBytes } from "node:crypto";
import * as Y from "yjs";
import { textRangeAnchor } from "../../app/domain/comments";
import { uuidArray } from "../../db/sql";
import type { BenchDatabase } from "./database";
import { loginCookie } from "./login-cookie";

/**
 * The comments scenario's data, written straight into PostgreSQL (writing
 * 20,000 comments through the API would measure the writes, not the
 * listing): one plan with `threads` threads of every anchor kind (a quarter
 * resolved, a few blocking) and `commentsPerThread` comments each, by eight
 * members, every fifth comment mentioning someone. Two of those members
 * get a logged-in session the bench holds the cookie of.
 */
export interface CommentData {
  planId: string;
  /** Open threads, for the live comments. */
  openThreadIds: string[];
  /** Cookie headers of two members: one writes, the other watches the event stream. */
  writerCookie: string;
  readerCookie: string;
  threads: number;
  comments: number;
}

const PEOPLE = [
  "Maya Patel",
  "Sam Carter",
  "Lena Fischer",
  "Raj Mehta",
  "Olivia Owens",
  "Nia Okafor",
  "Tom Berg",
  "Ana Ruiz",
];
const TEAMS = ["marketing", "sales", "marketing", "sales", "leadership", "sales", "marketing", "other"];

export async function seedCommentData(
  db: BenchDatabase,
  sessionSecret: string,
  options: { threads: number; commentsPerThread: number },
): Promise<CommentData> {
  const { sql } = db;
  const run = randomBytes(3).toString("hex");
  const users = await sql<{ id: string }[]>`
    insert into users (email, name, password_hash)
    select 'commenter' || g || '-' || ${run} || '@accord.test', (${`{${PEOPLE.map((p) => `"${p}"`).join(",")}}`}::text[])[g], 'not-a-hash'
    from generate_series(1, ${PEOPLE.length}::int) g
    returning id`;
  const ids = users.map((u) => u.id);
  await sql`
    insert into memberships (workspace_id, user_id, role, team)
    select ${db.workspaceId}, u.id, 'editor', (${`{${TEAMS.join(",")}}`}::text[])[u.n]::member_team
    from unnest(${uuidArray(ids)}::uuid[]) with ordinality as u(id, n)`;
  const [planId] = await db.createPlans(1);

  // A real encoded text range, as an editor would store it.
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText("Northwind is the analytics layer for operations teams.")]);
  doc.getXmlFragment("strategy").insert(0, [paragraph]);
  const range = textRangeAnchor(doc.getXmlFragment("strategy"), 17, 32)!;

  const people = uuidArray(ids);
  await sql`
    insert into comment_threads
      (plan_id, author_id, anchor_kind, section, field, anchor_start, anchor_end, row_id, quote,
       blocking, status, resolved_by, resolved_at, created_at, updated_at)
    select ${planId!}, (${people}::uuid[])[1 + g % ${ids.length}::int],
           case g % 3 when 0 then 'text' when 1 then 'row' else 'section' end,
           case g % 3
             when 0 then 'strategy'
             when 1 then ('{targetMarkets,revenueGoals,campaigns,glossary}'::text[])[1 + g % 4]
             else ('{strategy,targetMarkets,revenueGoals,campaigns,leadDefinitions,journey,glossary}'::text[])[1 + g % 7]
           end,
           case when g % 3 = 0 then 'strategy' end,
           case when g % 3 = 0 then ${range.start} end,
           case when g % 3 = 0 then ${range.end} end,
           case when g % 3 = 1 then gen_random_uuid() end,
           case g % 3 when 0 then ${range.quote} when 1 then 'Row ' || g else '' end,
           g % 50 = 0,
           case when g % 4 = 0 then 'resolved' else 'open' end,
           case when g % 4 = 0 then (${people}::uuid[])[1 + (g + 1) % ${ids.length}::int] end,
           case when g % 4 = 0 then now() end,
           now() - (${options.threads}::int - g) * interval '1 minute',
           now() - (${options.threads}::int - g) * interval '1 minute'
    from generate_series(0, ${options.threads - 1}::int) g`;
  await sql`
    insert into comments (thread_id, author_id, body, mentions, created_at)
    select t.id, (${people}::uuid[])[1 + (i + h) % ${ids.length}::int],
           'Reply ' || i || ': ' || left(
             'The retail webinar series needs 40 more MQLs to close the gap; can paid search carry it, '
             || 'or do we move budget from the carrier roadshow? ' || md5(t.id::text || i) || ' '
             || 'Sales accepted 62 % of last month''s MQLs within the 24-hour SLA.',
             60 + (h * 7 + i * 37) % 190),
           case when i % 5 = 0 then array[(${people}::uuid[])[1 + (h + i + 3) % ${ids.length}::int]] else '{}' end,
           t.created_at + i * interval '1 second'
    from comment_threads t
    cross join lateral (select (abs(hashtext(t.id::text)::bigint) % 1000000)::int as h) x
    cross join generate_series(1, ${options.commentsPerThread}::int) i
    where t.plan_id = ${planId!}`;
  await sql`analyze comment_threads`;
  await sql`analyze comments`;

  const open = await sql<{ id: string }[]>`
    select id from comment_threads where plan_id = ${planId!} and status = 'open' order by created_at`;
  return {
    planId: planId!,
    openThreadIds: open.map((r) => r.id),
    writerCookie: await loginCookie(db, sessionSecret, ids[0]!),
    readerCookie: await loginCookie(db, sessionSecret, ids[1]!),
    threads: options.threads,
    comments: options.threads * options.commentsPerThread,
  };
}
