import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiRoute, methodNotAllowed, parseInput } from "../utils/api.server";
import { AuditQuerySchema, auditPage } from "../utils/audit.server";
import { requireApiMember } from "../utils/auth.server";

/**
 * GET /api/audit[?plan=&action=&before=&limit=]: the current workspace's
 * audit log, newest first; `next` is the `before` of the following page.
 * Any member may read it.
 */
export const loader = apiRoute(async ({ request, context }: LoaderFunctionArgs) => {
  const member = await requireApiMember(request, context);
  const query = parseInput(AuditQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await auditPage(context, member, query));
});

export const action = apiRoute(async () => methodNotAllowed(["GET"]));
