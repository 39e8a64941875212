/** Why a comment action was refused, announced as it appears; nothing while there is no message. */
export function ActionError({ id, message }: { id?: string; message: string | null }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {message}
    </p>
  );
}
