import { apiRoute } from "../utils/api.server";
import { notFound } from "../utils/http.server";

/**
 * Every /api path no other route claims, for every method: a 404 in JSON, so
 * API clients never get the HTML error page.
 */
const noSuchEndpoint = apiRoute(async () => notFound("There is no such API endpoint."));

export const loader = noSuchEndpoint;
export const action = noSuchEndpoint;
