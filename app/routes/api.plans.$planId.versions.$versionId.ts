import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { apiRoute, methodNotAllowed, parseInput } from "../utils/api.server";
import { requireApiSession } from "../utils/auth.server";
import { requirePlanForMember } from "../utils/plans.server";
import { compareVersion, requireVersion } from "../utils/versions.server";

const QuerySchema = z.object({
  compare: z
    .union([z.literal("current"), z.uuid()], { error: 'compare is a version id of this plan, or "current".' })
    .optional(),
});

/**
 * GET /api/plans/:planId/versions/:versionId[?compare=<versionId>|current]:
 * one version with its content; with `compare`, also what changed from that
 * content to this version, section by section.
 */
export const loader = apiRoute(async ({ request, context, params }: LoaderFunctionArgs) => {
  const session = await requireApiSession(request, context);
  const plan = await requirePlanForMember(context, params.planId, session.userId);
  const version = await requireVersion(context, plan, params.versionId);
  const query = parseInput(QuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  if (!query.compare) return Response.json({ version });
  return Response.json({ version, ...(await compareVersion(context, plan, version, query.compare)) });
});

export const action = apiRoute(async () => methodNotAllowed(["GET"]));
