import { Link } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { shortHash, type SignoffJson } from "../../domain/signoff";
import type { PlanStatus } from "../../domain/plan-status";
import { formatDateTime } from "../members/format-date-time";
import { RelativeTime } from "../relative-time";
import { StatusBadge } from "../status-badge";
import { BlockingThreads, type BlockingItem } from "./blocking-threads";
import { SignerList } from "./signer-list";
import type { SignoffDialog } from "./signoff-dialogs";

/** Where the card's links lead. */
export interface SignoffLinks {
  dashboard: string;
  versions: string;
  audit: string;
  /** The plan's actuals, entered per market, campaign and month. */
  actuals: string;
  exportMarkdown: string;
  print: string;
  /** The version the card talks about (in review, approved, last approved). */
  version: string | null;
  /** The review of the version under review (with its changes), when there is one. */
  review: string | null;
  /** What changed since the version was submitted, when it did. */
  changes: string | null;
  thread: (threadId: string) => string;
}

/** What this person may press now. */
export interface SignoffChoices {
  submit: "submit" | "resubmit" | null;
  /** Approve and request changes (a signer who has not signed this version). */
  sign: boolean;
  reopen: boolean;
  chooseSigners: boolean;
}

export interface SignoffNotice {
  tone: "error" | "success";
  text: string;
  /** The plan status a confirmation speaks of: once the plan has moved on (another signer, a reopening), it is not shown. */
  status?: PlanStatus;
  /** The objections a refused approval named. */
  threads?: BlockingItem[];
}

/**
 * The plan's sign-off at a glance, on the plan page: its status, the
 * version in review (number, time, short hash), every required signer and
 * where they stand, what stands in the way (content changed since it was
 * submitted, open objections), and the steps this person may take. Data
 * and callbacks by props; the page owns the requests and dialogs.
 */
export function SignoffCard({
  signoff,
  stale,
  meId,
  links,
  choices,
  blocking,
  notice,
  busy,
  onAsk,
  onOpenThread,
  onDismissNotice,
}: {
  signoff: SignoffJson;
  /** The content differs from the version in review, as this tab sees it now. */
  stale: boolean;
  meId: string;
  links: SignoffLinks;
  choices: SignoffChoices;
  blocking: readonly BlockingItem[];
  notice: SignoffNotice | null;
  busy: boolean;
  onAsk: (dialog: Exclude<SignoffDialog, null>) => void;
  onOpenThread?: (threadId: string) => void;
  onDismissNotice: () => void;
}) {
  const { status, version } = signoff;
  const noticeRef = useRef<HTMLDivElement>(null);
  useFocusWhenLost(noticeRef, notice);
  /** A button that opens one of the card's dialogs; `look` is its style after "button". */
  const ask = (dialog: Exclude<SignoffDialog, null>, label: string, look = "") => (
    <button
      key={dialog}
      type="button"
      className={look ? `button ${look} small` : "button small"}
      disabled={busy}
      onClick={() => onAsk(dialog)}
    >
      {label}
    </button>
  );
  const buttons: ReactNode[] = [];
  if (choices.sign) {
    if (links.review) {
      buttons.push(
        <Link key="review" className="button secondary small" to={links.review}>
          Review
        </Link>,
      );
    }
    buttons.push(ask("approve", "Approve"), ask("request_changes", "Request changes", "secondary"));
  }
  const staleBanner = stale && status === "in_review";
  // While the content is stale, "Resubmit" sits in the banner that says why.
  if (choices.submit && !(staleBanner && choices.submit === "resubmit")) {
    const label = choices.submit === "resubmit" ? "Resubmit" : "Submit for sign-off";
    buttons.push(ask("submit", label, choices.sign ? "secondary" : ""));
  }
  if (choices.reopen) buttons.push(ask("reopen", "Reopen", "danger"));

  return (
    <section className="card signoff-card" aria-labelledby="signoff-heading">
      <div className="signoff-head">
        <div className="signoff-title">
          <h2 id="signoff-heading">Sign-off</h2>
          <StatusBadge status={status} />
        </div>
        {buttons.length ? <div className="signoff-actions">{buttons}</div> : null}
      </div>

      <Summary signoff={signoff} links={links} />

      {staleBanner ? (
        <div className="signoff-stale" role="status">
          <p>
            <strong>Changed since submitted.</strong> The plan is no longer what the signers were asked to
            review, so approvals of version {version?.number} no longer count.
          </p>
          <div className="row">
            {links.changes ? (
              <Link to={links.changes} className="button secondary small">
                See what changed
              </Link>
            ) : null}
            {choices.submit === "resubmit" ? ask("submit", "Resubmit") : null}
          </div>
        </div>
      ) : null}

      {notice ? (
        <div
          ref={noticeRef}
          tabIndex={-1}
          className={`alert ${notice.tone} signoff-notice`}
          role={notice.tone === "error" ? "alert" : "status"}
        >
          <p>{notice.text}</p>
          {notice.threads?.length ? (
            <BlockingThreads
              threads={notice.threads}
              title="Open objections"
              onOpen={onOpenThread}
              hrefOf={links.thread}
            />
          ) : null}
          <button type="button" className="link-button" onClick={onDismissNotice}>
            Dismiss
          </button>
        </div>
      ) : null}

      <div className="signoff-signers">
        <div className="signoff-subhead">
          <h3>Required signers</h3>
          {choices.chooseSigners ? (
            <button type="button" className="link-button" onClick={() => onAsk("signers")}>
              Change signers
            </button>
          ) : null}
        </div>
        <SignerList signers={signoff.signers} status={status} stale={stale} meId={meId} />
      </div>

      {status !== "approved" && !notice?.threads?.length ? (
        <BlockingThreads threads={blocking} onOpen={onOpenThread} hrefOf={links.thread} />
      ) : null}

      <nav className="signoff-links" aria-label="Plan records">
        <Link to={links.dashboard}>Dashboard</Link>
        <Link to={links.versions}>Versions</Link>
        <Link to={links.audit}>Audit log</Link>
        <Link to={links.actuals}>Actuals</Link>
        <a href={links.exportMarkdown} download>
          Export Markdown
        </a>
        <Link to={links.print}>Print</Link>
      </nav>
    </section>
  );
}

/**
 * After a step, the button that led to it may be gone (Approve, once
 * approved): when the closing dialog hands the focus back to nothing, the
 * message about the step takes it, so keyboard users stay on the card.
 */
function useFocusWhenLost(target: { current: HTMLElement | null }, notice: SignoffNotice | null) {
  useEffect(() => {
    if (!notice) return;
    // After the dialog has closed and returned the focus, if it could.
    const timer = setTimeout(() => {
      const active = document.activeElement;
      if (!active || active === document.body) target.current?.focus();
    }, 0);
    return () => clearTimeout(timer);
  }, [notice, target]);
}

/** One or two lines on where the plan stands. */
function Summary({ signoff, links }: { signoff: SignoffJson; links: SignoffLinks }) {
  const { status, version } = signoff;
  const hash = version ? (
    <>
      content hash{" "}
      <code className="hash-chip" title={version.hash}>
        {shortHash(version.hash)}
      </code>
    </>
  ) : null;
  if (status === "draft" || !version) {
    return (
      <p className="signoff-summary muted">
        Not submitted yet. When the plan is ready, an editor submits it and the signers review exactly that
        version.
      </p>
    );
  }
  const versionLink = (
    <Link to={links.review ?? links.version ?? links.versions}>version {version.number}</Link>
  );
  if (status === "in_review") {
    return (
      <p className="signoff-summary">
        {versionLink} in review, submitted by {version.createdBy?.name ?? "a former member"}{" "}
        <RelativeTime iso={version.createdAt} /> · {hash}
        {signoff.frozen ? (
          <span className="signoff-frozen"> · Editing is frozen until a decision.</span>
        ) : null}
      </p>
    );
  }
  if (status === "approved") {
    return (
      <p className="signoff-summary">
        Approved{" "}
        {signoff.approvedAt ? (
          <>
            on <time dateTime={signoff.approvedAt}>{formatDateTime(signoff.approvedAt)}</time>
          </>
        ) : null}{" "}
        · {versionLink} · {hash}. The plan is locked; exports show this signed content.
      </p>
    );
  }
  return (
    <p className="signoff-summary">
      Reopened and editable again. Last approved: {versionLink} · {hash}. Submit it again when it is ready.
    </p>
  );
}
