/** Why the plan cannot be changed here: shown above the sections to viewers, commenters and on locked plans. */
export function ReadOnlyBanner({ reason }: { reason: string }) {
  return (
    <div className="read-only-banner" role="note">
      <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <rect
          x="4"
          y="9"
          width="12"
          height="8"
          rx="1.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
        />
        <path d="M7 9V6.5a3 3 0 0 1 6 0V9" fill="none" stroke="currentColor" strokeWidth="1.6" />
      </svg>
      <p>{reason}</p>
    </div>
  );
}
