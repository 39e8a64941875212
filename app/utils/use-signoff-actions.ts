import type { PlanStatus } from "../domain/plan-status";
import { useRevalidator } from "@remix-run/react";
import { useCallback, useEffect, useState } from "react";
import type { BlockingItem } from "../components/signoff/blocking-threads";
import type { SignoffNotice } from "../components/signoff/signoff-card";
import type { SignoffDialog } from "../components/signoff/signoff-dialogs";
import { ReopenSchema, SignersSchema, SignoffSchema } from "../domain/signoff";
import { ApiError } from "./api-client";
import { blockingThreadsOf, signoffApi, signoffErrorText, type BlockingThreadJson } from "./signoff-api";

/**
 * The sign-off steps as a page takes them: which dialog is open, the
 * request in flight, the message of a refusal, and what happened. Inputs
 * are checked with the API's own schemas before anything is sent; a
 * refusal about a field stays in its dialog, any other closes the dialog
 * and is told on the card (409 stale, blocking threads with their list).
 * The page's data is reloaded after every step, refused or not.
 */
/** How long a confirmation stays on the card. */
const SUCCESS_MS = 10_000;

export function useSignoffActions(planId: string, toItem: (thread: BlockingThreadJson) => BlockingItem) {
  const revalidator = useRevalidator();
  const [dialog, setDialog] = useState<SignoffDialog>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; field?: string } | null>(null);
  const [notice, setNotice] = useState<SignoffNotice | null>(null);
  const { revalidate } = revalidator;

  // A confirmation has said its piece after a while; a refusal stays until dismissed.
  useEffect(() => {
    if (notice?.tone !== "success") return;
    const timer = setTimeout(() => setNotice((current) => (current === notice ? null : current)), SUCCESS_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  const run = useCallback(
    async (call: () => Promise<string | { text: string; status: PlanStatus }>, field?: string) => {
      setBusy(true);
      setError(null);
      try {
        const done = await call();
        setDialog(null);
        setNotice(typeof done === "string" ? { tone: "success", text: done } : { tone: "success", ...done });
      } catch (failure) {
        const api = failure instanceof ApiError ? failure : null;
        if (api && (api.status === 400 || api.status === 0)) {
          const onField = field && api.fieldErrors[field]?.[0];
          setError(onField ? { text: onField, field } : { text: signoffErrorText(api) });
          return;
        }
        setDialog(null);
        setNotice({
          tone: "error",
          text: signoffErrorText(failure),
          threads: blockingThreadsOf(failure).map(toItem),
        });
      } finally {
        setBusy(false);
      }
      revalidate();
    },
    [revalidate, toItem],
  );

  const refuse = (field: string, text: string | undefined) =>
    setError({ field, text: text ?? "Check this field." });

  return {
    dialog,
    busy,
    error,
    notice,
    ask: (next: Exclude<SignoffDialog, null>) => {
      setError(null);
      setDialog(next);
    },
    cancel: () => {
      setError(null);
      setDialog(null);
    },
    dismiss: () => setNotice(null),
    submit: (freezeEditing: boolean) =>
      run(async () => {
        const { version, signoff } = await signoffApi.submit(planId, freezeEditing);
        return {
          status: signoff.status,
          text: `Version ${version.number} is submitted for sign-off${freezeEditing ? "; editing is frozen until a decision" : ""}.`,
        };
      }),
    approve: (hash: string) =>
      run(async () => {
        const result = await signoffApi.sign(planId, { decision: "approve", note: "", hash });
        return {
          status: result.signoff.status,
          text: result.approved
            ? "You approved the plan. Every signer has approved: it is approved and locked."
            : "You approved this version.",
        };
      }),
    requestChanges: (hash: string, note: string) => {
      const input = SignoffSchema.safeParse({ decision: "request_changes", note, hash });
      if (!input.success)
        return refuse("note", input.error.issues.find((i) => i.path[0] === "note")?.message);
      return run(async () => {
        const result = await signoffApi.sign(planId, input.data);
        return {
          status: result.signoff.status,
          text: "You requested changes. Your note is a blocking thread on the strategy: once it is resolved, the plan can be resubmitted.",
        };
      }, "note");
    },
    reopen: (reason: string) => {
      const input = ReopenSchema.safeParse({ reason });
      if (!input.success) return refuse("reason", input.error.issues[0]?.message);
      return run(async () => {
        const { signoff } = await signoffApi.reopen(planId, input.data.reason);
        return {
          status: signoff.status,
          text: "The plan is reopened and editable again. Its signatures stay in the history.",
        };
      }, "reason");
    },
    chooseSigners: (userIds: string[]) => {
      const input = SignersSchema.safeParse({ userIds });
      if (!input.success) return refuse("userIds", input.error.issues[0]?.message);
      return run(async () => {
        await signoffApi.chooseSigners(planId, input.data.userIds);
        return "The required signers are saved.";
      }, "userIds");
    },
  };
}
