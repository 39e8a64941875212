import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { findMembership } from "../../db/queries/workspaces";
import { requireSession } from "../utils/auth.server";
import { badRequest, notFound, safeRedirectPath } from "../utils/http.server";
import { switchSessionWorkspace } from "../utils/session.server";

const SwitchSchema = z.object({
  workspaceId: z.uuid({ error: "Choose a workspace." }),
  redirectTo: z.string().optional(),
});

/** Switching is a POST from the workspace switcher; a GET just goes to the plans. */
export async function loader() {
  return redirect("/plans");
}

/**
 * Points the session at another of the user's workspaces. A workspace they do
 * not belong to answers 404, the same as one that does not exist.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireSession(request, context);
  const parsed = SwitchSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw badRequest(z.flattenError(parsed.error).fieldErrors);
  const { workspaceId, redirectTo } = parsed.data;
  if (!(await findMembership(context.sql, workspaceId, session.userId))) {
    notFound("There is no such workspace, or you are not a member of it.");
  }
  await switchSessionWorkspace(context, session.id, workspaceId);
  throw redirect(safeRedirectPath(redirectTo));
}
