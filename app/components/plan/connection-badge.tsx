export type ConnectionTone = "saved" | "saving" | "waiting" | "offline" | "error";

/**
 * Where this tab's work stands, always in the page header: "Saved",
 * "Saving…", "Offline · 3 unsynced changes", "Reconnecting…". Announced
 * politely to screen readers as it changes.
 */
export function ConnectionBadge({ tone, text }: { tone: ConnectionTone; text: string }) {
  return (
    <span className={`connection-badge tone-${tone}`} role="status" aria-live="polite" aria-atomic="true">
      <span className="connection-dot" aria-hidden="true" />
      {text}
    </span>
  );
}
