import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { readSession } from "../utils/session.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  return redirect((await readSession(request, context)) ? "/plans" : "/login");
}
