import { useId } from "react";
import { TEAM_LABELS, type Team } from "../../domain/membership";
import { MAX_NOTE_LENGTH, shortHash } from "../../domain/signoff";
import { FormDialog } from "./form-dialog";

/** Which sign-off step is being asked for, or none. */
export type SignoffDialog = "submit" | "approve" | "request_changes" | "reopen" | "signers" | null;

export interface SignoffDialogsProps {
  dialog: SignoffDialog;
  busy: boolean;
  /** The message of the failed attempt: `field` names the field it belongs to, if any. */
  error: { text: string; field?: string } | null;
  /** The version signers sign (approve, request changes). */
  version: { number: number; hash: string } | null;
  /** Resubmitting a plan already in review. */
  resubmit: boolean;
  signers: readonly { id: string; name: string; team: Team }[];
  eligible: readonly { id: string; name: string; team: Team }[];
  onCancel: () => void;
  onSubmit: (freezeEditing: boolean) => void;
  onApprove: () => void;
  onRequestChanges: (note: string) => void;
  onReopen: (reason: string) => void;
  onChooseSigners: (userIds: string[]) => void;
}

/**
 * The sign-off card's questions, one at a time: submit (with "freeze
 * editing"), approve, request changes (a note), reopen (a reason) and the
 * required signers. Fields are checked here as the server checks them, so
 * an empty note is refused before anything is sent.
 */
export function SignoffDialogs(props: SignoffDialogsProps) {
  const { dialog, busy, error, version, onCancel } = props;
  const fieldError = (field: string) => (error?.field === field ? error.text : null);
  const formError = error && !error.field ? error.text : null;
  const common = { busy, onCancel, error: formError };
  const names = props.signers.map((s) => s.name).join(" and ");
  const freezeId = useId();
  return (
    <>
      <FormDialog
        {...common}
        open={dialog === "submit"}
        title={props.resubmit ? "Resubmit for sign-off" : "Submit for sign-off"}
        description={
          <p>
            The content as it is now becomes a version that {names || "the signers"}{" "}
            {props.signers.length === 1 ? "reviews" : "review"} and signs. They are notified.
          </p>
        }
        submitLabel={props.resubmit ? "Resubmit" : "Submit for sign-off"}
        busyLabel="Submitting…"
        onSubmit={(data) => props.onSubmit(data.get("freezeEditing") === "on")}
      >
        <div className="field">
          <label className="checkbox" htmlFor={freezeId}>
            <input id={freezeId} type="checkbox" name="freezeEditing" aria-describedby={`${freezeId}-hint`} />
            Freeze editing while in review
          </label>
          <p className="hint" id={`${freezeId}-hint`}>
            Nobody can change the plan until a signer approves or asks for changes.
          </p>
        </div>
      </FormDialog>

      <FormDialog
        {...common}
        open={dialog === "approve"}
        title={version ? `Approve version ${version.number}?` : "Approve?"}
        description={
          <p>
            You sign exactly this content
            {version ? (
              <>
                {" "}
                (content hash <code className="hash-chip">{shortHash(version.hash)}</code>)
              </>
            ) : null}
            . If it changes before everyone has signed, your approval no longer counts.
          </p>
        }
        submitLabel="Approve"
        busyLabel="Approving…"
        onSubmit={() => props.onApprove()}
      />

      <FormDialog
        {...common}
        open={dialog === "request_changes"}
        title="Request changes"
        submitLabel="Request changes"
        busyLabel="Sending…"
        onSubmit={(data) => props.onRequestChanges(String(data.get("note") ?? ""))}
      >
        <NoteField
          name="note"
          label="What should change?"
          hint="Your note opens a blocking thread: it must be resolved before the plan can be approved."
          error={fieldError("note")}
        />
      </FormDialog>

      <FormDialog
        {...common}
        open={dialog === "reopen"}
        title="Reopen the approved plan"
        tone="danger"
        description={<p>The plan becomes editable again. The signatures stay in its history.</p>}
        submitLabel="Reopen"
        busyLabel="Reopening…"
        onSubmit={(data) => props.onReopen(String(data.get("reason") ?? ""))}
      >
        <NoteField
          name="reason"
          label="Why reopen it?"
          hint="Everyone sees the reason in the audit log."
          error={fieldError("reason")}
        />
      </FormDialog>

      <FormDialog
        {...common}
        open={dialog === "signers"}
        title="Required signers"
        description={<p>Everyone chosen must approve the same content before the plan is approved.</p>}
        submitLabel="Save signers"
        busyLabel="Saving…"
        onSubmit={(data) => props.onChooseSigners(data.getAll("userIds").map(String))}
      >
        <SignerChoices eligible={props.eligible} chosen={props.signers} error={fieldError("userIds")} />
      </FormDialog>
    </>
  );
}

function SignerChoices({
  eligible,
  chosen,
  error,
}: {
  eligible: SignoffDialogsProps["eligible"];
  chosen: SignoffDialogsProps["signers"];
  error: string | null;
}) {
  const id = useId();
  if (eligible.length === 0) {
    return (
      <p className="muted">
        Nobody in this workspace can sign off yet. An owner can allow it on the Members page.
      </p>
    );
  }
  return (
    <fieldset className="signer-choices" aria-describedby={`${id}-error`}>
      <legend className="label">Members who can sign off</legend>
      {eligible.map((person) => (
        <label key={person.id} className={`checkbox team-${person.team}`}>
          <input
            type="checkbox"
            name="userIds"
            value={person.id}
            defaultChecked={chosen.some((s) => s.id === person.id)}
          />
          <span className="team-dot" aria-hidden="true" />
          {person.name}
          <span className="muted">· {TEAM_LABELS[person.team]}</span>
        </label>
      ))}
      <p className="field-error" id={`${id}-error`} aria-live="polite">
        {error ?? ""}
      </p>
    </fieldset>
  );
}

/** A required text area of a sign-off dialog (the note of a request, the reason to reopen). */
function NoteField({
  name,
  label,
  hint,
  error,
}: {
  name: string;
  label: string;
  hint: string;
  error?: string | null;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        name={name}
        rows={4}
        maxLength={MAX_NOTE_LENGTH}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint ${id}-error`}
      />
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <p className="field-error" id={`${id}-error`} aria-live="polite">
        {error ?? ""}
      </p>
    </div>
  );
}
