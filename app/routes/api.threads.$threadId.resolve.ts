import type { ActionFunctionArgs } from "@remix-run/node";
import { threadStatusAction } from "../utils/comments.server";
import { apiRoute, methodNotAllowed } from "../utils/api.server";

/** POST /api/threads/:threadId/resolve: settles the thread; resolving a resolved one changes nothing. */
export const action = apiRoute((args: ActionFunctionArgs) => threadStatusAction(args, "resolved"));

export const loader = apiRoute(async () => methodNotAllowed(["POST"]));
