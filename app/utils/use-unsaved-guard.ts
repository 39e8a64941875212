import { useBlocker } from "@remix-run/react";
import { useEffect } from "react";

/**
 * While this tab holds changes the server has not committed, leaving asks
 * first: closing or reloading the tab through the browser's own prompt
 * (`beforeunload`), in-app navigation through the returned blocker, which
 * the page shows as a dialog. If everything gets saved while the dialog is
 * open, the navigation simply goes on.
 */
export function useUnsavedGuard(unsynced: boolean) {
  useEffect(() => {
    if (!unsynced) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [unsynced]);

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => unsynced && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (blocker.state === "blocked" && !unsynced) blocker.proceed();
  }, [blocker, unsynced]);

  return blocker;
}
