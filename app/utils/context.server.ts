import type { AccordContext } from "../../server/context";

declare module "@remix-run/node" {
  // Remix hands loaders and actions the object built by server/app-server.ts.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends AccordContext {}
}

export type { AccordContext };
