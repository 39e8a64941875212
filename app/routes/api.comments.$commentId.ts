import type { ActionFunctionArgs } from "@remix-run/node";
import { CommentWriteSchema } from "../domain/comments";
import { apiRoute, methodNotAllowed, parseInput, readJsonBody } from "../utils/api.server";
import { requireApiSession } from "../utils/auth.server";
import { editComment, removeComment, requireComment, requireMayChange } from "../utils/comments.server";

/**
 * PATCH /api/comments/:commentId {body, mentions?}: edits one's own comment
 * (409 once it is deleted). DELETE /api/comments/:commentId: deletes it; the
 * thread keeps it as "deleted".
 */
export const action = apiRoute(async ({ request, context, params }: ActionFunctionArgs) => {
  if (request.method !== "PATCH" && request.method !== "DELETE") methodNotAllowed(["PATCH", "DELETE"]);
  const session = await requireApiSession(request, context);
  const comment = await requireComment(context, params.commentId, session.userId);
  const actor = { userId: session.userId, role: comment.role };
  requireMayChange(actor, comment);
  if (request.method === "DELETE") {
    return Response.json({ thread: await removeComment(context, comment, actor) });
  }
  const input = parseInput(CommentWriteSchema, await readJsonBody(request));
  return Response.json(await editComment(context, comment, actor, input));
});

export const loader = apiRoute(async () => methodNotAllowed(["PATCH", "DELETE"]));
