import { isRouteErrorResponse } from "@remix-run/react";

/** What a person sees for a thrown Response or a crash: a calm card with a way back. */
export function ErrorPanel({ error }: { error: unknown }) {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const serverMessage =
    isRouteErrorResponse(error) && typeof error.data?.message === "string" ? (error.data.message as string) : null;
  const heading =
    status === 404 ? "Page not found" : status === 403 ? "You can't do that here" : "Something went wrong";
  const message =
    serverMessage ??
    (status === 404
      ? "There is nothing here, or you do not have access to it."
      : "Something went wrong on our side. Try again in a moment.");
  return (
    <div className="card narrow" role="alert" style={{ margin: "2rem auto" }}>
      <p className="eyebrow">{status === 404 ? "Not found" : status === 403 ? "Not allowed" : `Error ${status}`}</p>
      <h1>{heading}</h1>
      <p>{message}</p>
      <p>
        <a href="/plans">Back to plans</a>
      </p>
    </div>
  );
}
