import type { ActionFunctionArgs } from "@remix-run/node";
import { threadStatusAction } from "../utils/comments.server";
import { apiRoute, methodNotAllowed } from "../utils/api.server";

/** POST /api/threads/:threadId/reopen: opens a resolved thread again; an open one stays as it is. */
export const action = apiRoute((args: ActionFunctionArgs) => threadStatusAction(args, "open"));

export const loader = apiRoute(async () => methodNotAllowed(["POST"]));
