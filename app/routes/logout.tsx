import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endSession } from "../utils/session.server";

/** Logging out is a POST (a link could be triggered by any page); GET just goes home. */
export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  return redirect("/login", { headers: { "Set-Cookie": await endSession(request, context) } });
}
