import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiRoute, methodNotAllowed } from "../utils/api.server";
import { requireApiSession } from "../utils/auth.server";
import { requirePlanForMember } from "../utils/plans.server";
import { exportMarkdown } from "../utils/export.server";

/**
 * GET /api/plans/:planId/export.md[?version=<versionId>]: the plan, or one
 * of its versions, as a Markdown download with its signers, signatures and
 * content hash.
 */
export const loader = apiRoute(async ({ request, context, params }: LoaderFunctionArgs) => {
  const session = await requireApiSession(request, context);
  const plan = await requirePlanForMember(context, params.planId, session.userId);
  const versionId = new URL(request.url).searchParams.get("version");
  const { filename, markdown } = await exportMarkdown(context, plan, versionId);
  return new Response(markdown, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
});

export const action = apiRoute(async () => methodNotAllowed(["GET"]));
