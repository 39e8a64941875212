import path from "node:path";
import { readEventStream } from "../clients/event-stream";
import { timedGet } from "../clients/http";
import { now, sleep, waitUntil } from "../clock";
import type { Figure } from "../report";
import { startAccord } from "../servers/accord";
import { seedCommentData, type CommentData } from "../servers/comment-data";
import { distribution, rawDistribution, round, type Distribution } from "../stats";
import { ms, type ScenarioResult, type SuiteContext } from "../suite";

/**
 * Scenario 7, comments (Accord only: the reference server has none). A plan
 * with 2,000 threads and 20,000 comments, then:
 *
 * - listing: `GET /api/plans/:id/threads` (everything, about 7 MB of JSON),
 *   `listRequests` times, interleaved with as many `GET /api/plans/:id` as a
 *   baseline of the same server, same run. Server time = time to the first
 *   byte on loopback: the answer is built whole before its headers go out.
 * - live: `liveComments` replies posted at `perSecond` by one member to open
 *   threads, each timed from the start of its POST to its arrival, inside its
 *   thread, on another member's `/api/events?plan=` stream.
 */
export interface CommentsRun {
  threads: number;
  comments: number;
  seedMs: number;
  listBytes: number;
  /** Time to first byte of the listing, ms. */
  listMs: number[];
  /** Until the whole listing was read, ms. */
  listTotalMs: number[];
  /** Time to first byte of GET /api/plans/:id, ms. */
  planMs: number[];
  /** POST of a reply until its answer, ms. */
  postMs: number[];
  /** POST start until the reply was on the other member's stream, ms. */
  liveMs: number[];
  /** Replies that never arrived on the stream. */
  lost: number;
}

async function measureListing(origin: string, data: CommentData, requests: number) {
  const list = `${origin}/api/plans/${data.planId}/threads`;
  const plan = `${origin}/api/plans/${data.planId}`;
  for (let i = 0; i < 3; i++) {
    await timedGet(list, data.readerCookie);
    await timedGet(plan, data.readerCookie);
  }
  const out = { listMs: [] as number[], listTotalMs: [] as number[], planMs: [] as number[], listBytes: 0 };
  for (let i = 0; i < requests; i++) {
    const listed = await timedGet(list, data.readerCookie);
    out.listMs.push(listed.firstByte);
    out.listTotalMs.push(listed.total);
    out.listBytes = listed.bytes;
    out.planMs.push((await timedGet(plan, data.readerCookie)).firstByte);
  }
  return out;
}

async function measureLive(origin: string, data: CommentData, options: { count: number; perSecond: number }) {
  const sentAt = new Map<string, number>();
  const arrivedAt = new Map<string, number>();
  const stream = await readEventStream(
    `${origin}/api/events?plan=${data.planId}`,
    data.readerCookie,
    (event) => {
      if (event.type !== "thread") return;
      for (const marker of sentAt.keys()) {
        if (!arrivedAt.has(marker) && event.data.includes(marker)) arrivedAt.set(marker, event.at);
      }
    },
  );
  const postMs: number[] = [];
  try {
    await stream.ready;
    const posts: Promise<void>[] = [];
    const start = now();
    for (let i = 0; i < options.count; i++) {
      const wait = start + (i * 1000) / options.perSecond - now();
      if (wait > 0) await sleep(wait);
      const marker = `[bench-live-${i}]`;
      const threadId = data.openThreadIds[(i * 7919) % data.openThreadIds.length]!;
      const sent = now();
      sentAt.set(marker, sent);
      posts.push(
        fetch(`${origin}/api/threads/${threadId}/comments`, {
          method: "POST",
          headers: { cookie: data.writerCookie, "content-type": "application/json" },
          body: JSON.stringify({
            body: `${marker} Agreed, moving $5k from paid search to the webinar series.`,
          }),
        }).then(async (response) => {
          await response.arrayBuffer();
          if (response.status !== 201) throw new Error(`POST a reply answered ${response.status}`);
          postMs.push(now() - sent);
        }),
      );
    }
    await Promise.all(posts);
    await waitUntil(() => arrivedAt.size === sentAt.size, 10_000, 20);
  } finally {
    stream.close();
  }
  const liveMs = [...sentAt].map(([marker, sent]) => (arrivedAt.get(marker) ?? Infinity) - sent);
  return { postMs, liveMs, lost: liveMs.filter((v) => !Number.isFinite(v)).length };
}

export async function runComments(
  origin: string,
  data: CommentData,
  options: SuiteContext["options"]["comments"],
): Promise<Omit<CommentsRun, "seedMs">> {
  const listing = await measureListing(origin, data, options.listRequests);
  const live = await measureLive(origin, data, { count: options.liveComments, perSecond: options.perSecond });
  return { threads: data.threads, comments: data.comments, ...listing, ...live };
}

export async function commentsScenario(ctx: SuiteContext): Promise<ScenarioResult> {
  const options = ctx.options.comments;
  const accord = await startAccord(ctx.db, {
    dataDir: path.join(ctx.dir, "accord-comments"),
    sessionSecret: ctx.sessionSecret,
    root: ctx.options.accordDir,
  });
  try {
    const origin = accord.collabUrl.replace(/^ws/, "http").replace(/\/collab$/, "");
    const seedStart = now();
    const data = await seedCommentData(ctx.db, ctx.sessionSecret, options);
    const seedMs = now() - seedStart;
    ctx.say(
      `  comments: a plan with ${data.threads} threads and ${data.comments} comments, seeded in ${ms(seedMs)}`,
    );
    const run: CommentsRun = { seedMs, ...(await runComments(origin, data, options)) };
    const list = distribution(run.listMs);
    const plan = distribution(run.planMs);
    const live = distribution(run.liveMs);
    const post = distribution(run.postMs);
    ctx.say(
      `    listing ${(run.listBytes / 1e6).toFixed(1)} MB: p50 ${ms(list.p50)}, p95 ${ms(list.p95)} ` +
        `(GET /api/plans/:id p50 ${ms(plan.p50)}); live p50 ${ms(live.p50)}, p99 ${ms(live.p99)}, lost ${run.lost}`,
    );
    return { figures: commentFigures(run, { list, plan, live, post }), raw: summarise(run) };
  } finally {
    await accord.stop();
  }
}

function commentFigures(
  run: CommentsRun,
  d: { list: Distribution; plan: Distribution; live: Distribution; post: Distribution },
): Figure[] {
  const size = `${run.threads} threads, ${run.comments} comments`;
  const baseline = "GET /api/plans/:id (time to first byte)";
  return [
    {
      key: "comments.list.p50",
      label: `list threads (${size}), p50 server time`,
      unit: "ms",
      better: "lower",
      accord: d.list.p50,
      reference: d.plan.p50,
      baseline,
      note: `time to first byte on loopback; ${(run.listBytes / 1e6).toFixed(1)} MB of JSON, read whole in p50 ${d3(distribution(run.listTotalMs).p50)} ms`,
    },
    {
      key: "comments.list.p95",
      label: `list threads (${size}), p95 server time`,
      unit: "ms",
      better: "lower",
      accord: d.list.p95,
      reference: d.plan.p95,
      baseline,
    },
    {
      key: "comments.post.p50",
      label: "post a reply, p50 until answered",
      unit: "ms",
      better: "lower",
      accord: d.post.p50,
    },
    {
      key: "comments.live.p50",
      label: "reply posted → on another member's event stream, p50",
      unit: "ms",
      better: "lower",
      accord: d.live.p50,
    },
    {
      key: "comments.live.p99",
      label: "reply posted → on another member's event stream, p99",
      unit: "ms",
      better: "lower",
      accord: d.live.p99,
      goal: { text: "< 1000 ms", limit: 1000 },
      note: run.lost ? `${run.lost} replies never arrived (counted as infinitely late)` : undefined,
    },
  ];
}

const d3 = (v: number) => v.toFixed(1);

function summarise(run: CommentsRun) {
  return {
    threads: run.threads,
    comments: run.comments,
    seedMs: round(run.seedMs),
    listBytes: run.listBytes,
    listFirstByteMs: rawDistribution(run.listMs),
    listTotalMs: rawDistribution(run.listTotalMs),
    planFirstByteMs: rawDistribution(run.planMs),
    postMs: rawDistribution(run.postMs),
    liveMs: rawDistribution(run.liveMs),
    lost: run.lost,
  };
}
