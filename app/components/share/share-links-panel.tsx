import { useState } from "react";
import type { CreatedShareLinkJson, ShareLinkJson } from "../../domain/share-links";
import { ApiError, callApi } from "../../utils/api-client";
import { formatDateTime } from "../members/format-date-time";
import { ConfirmDialog } from "../plan/confirm-dialog";
import { CopyLink } from "../copy-link";

/**
 * The owner's read-only links to this plan's dashboard and approved
 * version: make one (its URL is shown once, ready to copy), see who made
 * the working ones and when, and revoke one after a confirmation; a
 * revoked link answers 404 from that moment. Only owners are given this
 * panel, and the API refuses everyone else.
 */
export function ShareLinksPanel({ planId, initialLinks }: { planId: string; initialLinks: ShareLinkJson[] }) {
  const [links, setLinks] = useState(initialLinks);
  const [created, setCreated] = useState<{ id: string; url: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [revoking, setRevoking] = useState<ShareLinkJson | null>(null);
  const base = `/api/plans/${planId}/share-links`;

  const create = async () => {
    setBusy(true);
    setError(null);
    setStatus("");
    try {
      const answer = await callApi<CreatedShareLinkJson>("POST", base);
      setLinks((current) => [answer.link, ...current.filter((l) => l.id !== answer.link.id)]);
      setCreated({ id: answer.link.id, url: answer.url });
    } catch (failure) {
      setError(errorText(failure, "The link was not created."));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (link: ShareLinkJson) => {
    setRevoking(null);
    setBusy(true);
    setError(null);
    try {
      await callApi("DELETE", `${base}/${link.id}`);
      setLinks((current) => current.filter((l) => l.id !== link.id));
      if (created?.id === link.id) setCreated(null);
      setStatus("The link was revoked: it no longer opens anything.");
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 404) {
        setLinks((current) => current.filter((l) => l.id !== link.id));
        setStatus("That link had already been revoked.");
      } else {
        setError(errorText(failure, "The link was not revoked."));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card share-panel" aria-labelledby="share-panel-heading">
      <div className="card-title">
        <h2 id="share-panel-heading">Share read-only</h2>
        <button type="button" className="button small" onClick={() => void create()} disabled={busy}>
          {busy ? "Working…" : links.length ? "Create another link" : "Create a link"}
        </button>
      </div>
      <p className="muted">
        Anyone with a link sees this dashboard and the plan&apos;s approved version, without logging in: no
        comments, no e-mail addresses, nothing they can change. Revoke a link and it stops working at once.
      </p>
      {error ? (
        <p className="alert error" role="alert">
          {error}
        </p>
      ) : null}
      {created ? (
        <CopyLink
          key={created.url}
          url={created.url}
          id="share-new-url"
          label="New read-only link"
          className="share-new-link"
          hint="It is shown only now: copy it before you leave the page."
        />
      ) : null}
      <p className="share-status" aria-live="polite">
        {status}
      </p>
      {links.length === 0 ? (
        <p className="muted share-none">No working links.</p>
      ) : (
        <ul className="share-list" aria-label="Working share links">
          {links.map((link) => (
            <li key={link.id} className="share-item">
              <span>
                Created by {link.createdBy ? link.createdBy.name || "a member" : "a former member"} on{" "}
                {formatDateTime(link.createdAt)}
                {created?.id === link.id ? <span className="badge neutral share-new">New</span> : null}
              </span>
              <button
                type="button"
                className="button secondary small"
                onClick={() => setRevoking(link)}
                disabled={busy}
                aria-label={`Revoke the link created on ${formatDateTime(link.createdAt)}`}
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke this link?"
        confirmLabel="Revoke link"
        cancelLabel="Keep it"
        onConfirm={() => revoking && void revoke(revoking)}
        onCancel={() => setRevoking(null)}
      >
        <p>
          Anyone who opens it from now on gets “not found”. This cannot be undone; you can create a new link.
        </p>
      </ConfirmDialog>
    </section>
  );
}

function errorText(failure: unknown, fallback: string): string {
  return failure instanceof ApiError ? failure.message : fallback;
}
