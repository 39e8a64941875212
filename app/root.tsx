import type { LinksFunction, MetaFunction } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
} from "@remix-run/react";
import stylesheet from "./styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Accord" }];

export function Layout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** The last line of defence: a calm page with a way back, never a stack trace. */
export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message =
    isRouteErrorResponse(error) && typeof error.data?.message === "string"
      ? error.data.message
      : status === 404
        ? "There is nothing here, or you do not have access to it."
        : "Something went wrong on our side. Try again in a moment.";
  return (
    <main className="centered-page" id="main">
      <div className="card narrow">
        <p className="eyebrow">{status === 404 ? "Not found" : status === 403 ? "Not allowed" : "Error"}</p>
        <h1>{status === 404 ? "Page not found" : status === 403 ? "You can't do that here" : "Something went wrong"}</h1>
        <p>{message}</p>
        <p>
          <a href="/plans">Back to plans</a>
        </p>
      </div>
    </main>
  );
}
