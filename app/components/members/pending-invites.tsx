import { Form, useNavigation } from "@remix-run/react";
import { TeamLabel } from "../person";
import { formatDateTime } from "./format-date-time";
import { SignsOff } from "./member-row";
import { ROLE_LABELS, type Role, type Team } from "../../domain/membership";

/** An invite not yet used, revoked or expired. Dates are ISO strings from the loader. */
export interface InviteSummary {
  id: string;
  role: Role;
  team: Team;
  canSignOff: boolean;
  createdByName: string;
  createdAt: string;
  expiresAt: string;
}

/**
 * The invites still open, each with a Revoke button. Invites carry no name
 * (a link is for whoever opens it), so a Revoke button is told apart by role
 * and creation time for screen readers.
 */
export function PendingInvites({
  invites,
  revokeFailure,
}: {
  invites: InviteSummary[];
  /** Why the last revoke was refused, shown under that invite's button. */
  revokeFailure: { inviteId: string; message: string } | undefined;
}) {
  const navigation = useNavigation();
  return (
    <section className="card" aria-labelledby="pending-heading">
      <h2 id="pending-heading">Pending invites</h2>
      {invites.length === 0 ? (
        <p className="empty-state compact">
          No pending invites. Links you create appear here until they are used or expire.
        </p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Role</th>
                <th scope="col">Team</th>
                <th scope="col">Signs off</th>
                <th scope="col">Created by</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invites.map((invite) => {
                const revoking =
                  navigation.state === "submitting" && navigation.formData?.get("inviteId") === invite.id;
                const failed = revokeFailure?.inviteId === invite.id ? revokeFailure.message : undefined;
                return (
                  <tr key={invite.id}>
                    <td>{ROLE_LABELS[invite.role]}</td>
                    <td>
                      <TeamLabel team={invite.team} />
                    </td>
                    <td>
                      <SignsOff canSignOff={invite.canSignOff} />
                    </td>
                    <td>{invite.createdByName}</td>
                    <td>{formatDateTime(invite.expiresAt)}</td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="intent" value="revoke-invite" />
                        <input type="hidden" name="inviteId" value={invite.id} />
                        <button className="button danger small" type="submit" disabled={revoking}>
                          {revoking ? "Revoking…" : "Revoke"}
                          <span className="visually-hidden">
                            {" "}
                            the {ROLE_LABELS[invite.role].toLowerCase()} invite created{" "}
                            {formatDateTime(invite.createdAt)}
                          </span>
                        </button>
                      </Form>
                      {failed ? <p className="field-error">{failed}</p> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
