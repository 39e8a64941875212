import type { ActionFunctionArgs } from "@remix-run/node";
import { CommentWriteSchema } from "../domain/comments";
import { apiRoute, methodNotAllowed, parseInput, readJsonBody } from "../utils/api.server";
import { requireApiSession } from "../utils/auth.server";
import { addComment, requireMayComment, requireThread } from "../utils/comments.server";

/**
 * POST /api/threads/:threadId/comments {body, mentions?}: a reply. Its
 * participants and the members it mentions are notified.
 */
export const action = apiRoute(async ({ request, context, params }: ActionFunctionArgs) => {
  if (request.method !== "POST") methodNotAllowed(["POST"]);
  const session = await requireApiSession(request, context);
  const thread = await requireThread(context, params.threadId, session.userId);
  const actor = { userId: session.userId, role: thread.role };
  requireMayComment(actor);
  const input = parseInput(CommentWriteSchema, await readJsonBody(request));
  const written = await addComment(context, thread, actor, input);
  return Response.json(written, { status: 201 });
});

export const loader = apiRoute(async () => methodNotAllowed(["POST"]));
