import { Form } from "@remix-run/react";
import type { MemberSummary } from "./member-row";

/**
 * Removing is two steps, without a native dialog: the first button opens a
 * short question, the second removes. Works without JavaScript (<details>).
 * On the viewer's own row the same control leaves the workspace instead.
 */
export function ConfirmRemove({
  member,
  isSelf,
  workspaceName,
}: {
  member: MemberSummary;
  isSelf: boolean;
  workspaceName: string;
}) {
  const verb = isSelf ? "Leave" : "Remove";
  return (
    <details className="confirm-remove">
      <summary className="button danger small">
        <span className="when-closed">
          {verb}
          <span className="visually-hidden"> {isSelf ? workspaceName : member.name}</span>
        </span>
        <span className="when-open">Cancel</span>
      </summary>
      <div className="confirm-panel">
        <p>
          {isSelf
            ? `Leave ${workspaceName}? You lose access to its plans at once.`
            : `Remove ${member.name} from ${workspaceName}? They lose access to its plans at once.`}
        </p>
        <Form method="post">
          <input type="hidden" name="intent" value="remove-member" />
          <input type="hidden" name="userId" value={member.userId} />
          <button className="button danger small" type="submit">
            {isSelf ? "Yes, leave" : `Yes, remove ${member.name}`}
          </button>
        </Form>
      </div>
    </details>
  );
}
