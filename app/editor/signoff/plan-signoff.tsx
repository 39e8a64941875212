import { useCallback, useContext, useMemo } from "react";
import type { BlockingItem } from "../../components/signoff/blocking-threads";
import { SignoffCard, type SignoffChoices, type SignoffLinks } from "../../components/signoff/signoff-card";
import { SignoffDialogs } from "../../components/signoff/signoff-dialogs";
import type { ThreadJson } from "../../domain/comments";
import type { SignoffJson } from "../../domain/signoff";
import type { Team } from "../../domain/membership";
import type { BlockingThreadJson } from "../../utils/signoff-api";
import { useSignoffActions } from "../../utils/use-signoff-actions";
import { usePlanRefresh } from "../../utils/use-plan-refresh";
import { useComments } from "../comments/comments-context";
import { PlanEditorContext } from "../plan-editor-context";
import { isPageSection, sectionLabel } from "../plan-sections";
import { useLiveHash } from "./use-live-hash";

/** The plan page loader's sign-off data (app/routes/plan-signoff.server.ts), as the browser gets it. */
export interface PlanSignoffData {
  signoff: SignoffJson;
  signers: { eligible: { id: string; name: string; team: Team }[]; canChoose: boolean };
  reviewBaseId: string | null;
  may: { submit: boolean; sign: boolean; reopen: boolean };
}

/** An objection as the card lists it: its section in words, its quote, who raised it. */
export function blockingItem(thread: BlockingThreadJson): BlockingItem {
  return {
    id: thread.id,
    where: isPageSection(thread.section) ? sectionLabel(thread.section) : "The plan",
    quote: thread.quote,
    author: thread.author.name,
  };
}

/**
 * The sign-off card of the plan page, wired: the loader's state, kept live
 * by the `signoff` event (and by thread events about objections), "changed
 * since submitted" told the moment this tab's document stops hashing to the
 * version in review, objections opened in the comments panel, and the
 * steps sent to the JSON API. Works before the document is open too (then
 * it trusts the server's stale flag and links threads instead).
 */
export function PlanSignoff({
  planId,
  meId,
  data,
  liveSeq,
  onReviewPage = false,
}: {
  planId: string;
  meId: string;
  data: PlanSignoffData;
  /** The plan's live-change count `data` was read at (the page loader's `liveSeq`). */
  liveSeq: number;
  /** Shown on the review of the version itself: no "Review" link to where the reader already is. */
  onReviewPage?: boolean;
}) {
  const editor = useContext(PlanEditorContext);
  const comments = useComments();
  const liveHash = useLiveHash(editor?.doc ?? null, editor?.provider ?? null);
  const { signoff, signers, reviewBaseId, may } = data;
  const { status, version } = signoff;
  const inReview = status === "in_review" && version !== null;
  const stale = inReview ? (liveHash !== null ? liveHash !== version.hash : signoff.stale) : false;

  const blockingIds = useMemo(
    () => new Set(signoff.blockingThreads.map((t) => t.id)),
    [signoff.blockingThreads],
  );
  usePlanRefresh({
    seq: liveSeq,
    signoff: true,
    threadMatters: useCallback(
      (thread: ThreadJson) => thread.blocking || blockingIds.has(thread.id),
      [blockingIds],
    ),
  });
  const actions = useSignoffActions(planId, blockingItem);

  const mine = signoff.signers.find((s) => s.signer.id === meId);
  const requested = signoff.signers.some((s) => s.state === "changes_requested");
  const choices: SignoffChoices = {
    submit: !may.submit
      ? null
      : status === "draft" || status === "reopened"
        ? "submit"
        : inReview && (stale || requested)
          ? "resubmit"
          : null,
    sign: may.sign && inReview && !stale && mine !== undefined && mine.signature === null,
    reopen: may.reopen && status === "approved",
    chooseSigners: signers.canChoose && status !== "approved",
  };

  const base = `/plans/${planId}`;
  const links: SignoffLinks = {
    dashboard: `${base}/dashboard`,
    versions: `${base}/versions`,
    audit: `${base}/audit`,
    actuals: `${base}/actuals`,
    exportMarkdown: `/api/plans/${planId}/export.md`,
    print: `${base}/print`,
    version: version ? `${base}/versions/${version.id}` : null,
    review:
      inReview && !onReviewPage
        ? `${base}/versions/${version.id}${reviewBaseId ? `?compare=${reviewBaseId}` : ""}`
        : null,
    changes: inReview && stale ? `${base}/versions/${version.id}?compare=current` : null,
    thread: (threadId) => `${base}?thread=${threadId}`,
  };

  return (
    <>
      <SignoffCard
        signoff={signoff}
        stale={stale}
        meId={meId}
        links={links}
        choices={choices}
        blocking={signoff.blockingThreads.map(blockingItem)}
        notice={actions.notice?.status && actions.notice.status !== status ? null : actions.notice}
        busy={actions.busy}
        onAsk={actions.ask}
        onOpenThread={comments ? comments.openThread : undefined}
        onDismissNotice={actions.dismiss}
      />
      <SignoffDialogs
        dialog={actions.dialog}
        busy={actions.busy}
        error={actions.error}
        version={version}
        resubmit={choices.submit === "resubmit"}
        signers={signoff.signers.map((s) => s.signer)}
        eligible={signers.eligible}
        onCancel={actions.cancel}
        onSubmit={(freeze) => void actions.submit(freeze)}
        onApprove={() => version && void actions.approve(version.hash)}
        onRequestChanges={(note) => version && void actions.requestChanges(version.hash, note)}
        onReopen={(reason) => void actions.reopen(reason)}
        onChooseSigners={(ids) => void actions.chooseSigners(ids)}
      />
    </>
  );
}
