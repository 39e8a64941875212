import { Link } from "@remix-run/react";

/** An open blocking thread as the sign-off card lists it. */
export interface BlockingItem {
  id: string;
  /** The section it is on, in words. */
  where: string;
  quote: string;
  author: string;
}

/**
 * The open objections: what stands between the plan and its approval.
 * Each opens its thread in the comments panel (or the plan page with the
 * thread open, where there is no panel).
 */
export function BlockingThreads({
  threads,
  title = "Standing between this plan and its approval",
  onOpen,
  hrefOf,
}: {
  threads: readonly BlockingItem[];
  title?: string;
  onOpen?: (threadId: string) => void;
  hrefOf: (threadId: string) => string;
}) {
  if (threads.length === 0) return null;
  return (
    <div className="blocking-threads">
      <h3>
        {title}
        <span className="muted">
          {" "}
          · {threads.length === 1 ? "1 blocking thread" : `${threads.length} blocking threads`}
        </span>
      </h3>
      <ul>
        {threads.map((thread) => {
          const text = (
            <>
              <span className="blocking-where">{thread.where}</span>
              {thread.quote ? <span className="blocking-quote">“{thread.quote}”</span> : null}
              <span className="muted">by {thread.author}</span>
            </>
          );
          return (
            <li key={thread.id}>
              {onOpen ? (
                <button type="button" className="blocking-thread" onClick={() => onOpen(thread.id)}>
                  {text}
                </button>
              ) : (
                <Link className="blocking-thread" to={hrefOf(thread.id)}>
                  {text}
                </Link>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
