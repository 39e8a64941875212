import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { ThreadUpdateSchema } from "../domain/comments";
import { apiRoute, methodNotAllowed, parseInput, readJsonBody } from "../utils/api.server";
import { requireApiSession } from "../utils/auth.server";
import { requireMayModerate, requireThread, setBlocking, threadJson } from "../utils/comments.server";

/** GET /api/threads/:threadId: one thread with its comments, for any member of its plan's workspace. */
export const loader = apiRoute(async ({ request, context, params }: LoaderFunctionArgs) => {
  const session = await requireApiSession(request, context);
  const thread = await requireThread(context, params.threadId, session.userId);
  return Response.json({ thread: await threadJson(context, thread.id) });
});

/**
 * PATCH /api/threads/:threadId {blocking}: marks the thread as an objection
 * to settle before sign-off, or settles it. Editors and the thread's author.
 */
export const action = apiRoute(async ({ request, context, params }: ActionFunctionArgs) => {
  if (request.method !== "PATCH") methodNotAllowed(["GET", "PATCH"]);
  const session = await requireApiSession(request, context);
  const thread = await requireThread(context, params.threadId, session.userId);
  const actor = { userId: session.userId, role: thread.role };
  requireMayModerate(actor, thread);
  const { blocking } = parseInput(ThreadUpdateSchema, await readJsonBody(request));
  return Response.json({ thread: await setBlocking(context, thread, actor, blocking) });
});
