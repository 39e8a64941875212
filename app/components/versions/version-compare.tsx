import { Form, Link } from "@remix-run/react";
import { useId } from "react";

/**
 * "Compare with": the current plan or another version, chosen from a list;
 * the page reloads with `?compare=` as soon as the choice changes (the
 * button does it without JavaScript).
 */
export function CompareForm({
  current,
  others,
}: {
  /** The `compare` now shown: a version id, "current", or "" for none. */
  current: string;
  others: readonly { id: string; number: number; name: string }[];
}) {
  const id = useId();
  return (
    <Form method="get" className="compare-form" preventScrollReset>
      <label htmlFor={id}>Compare with</label>
      <select
        id={id}
        name="compare"
        defaultValue={current}
        key={current}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
      >
        <option value="">Nothing (just read it)</option>
        <option value="current">The current plan</option>
        {others.map((v) => (
          <option key={v.id} value={v.id}>
            v{v.number} · {v.name}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="button secondary small">
          Compare
        </button>
      </noscript>
    </Form>
  );
}

/**
 * What ticking versions leads to: with two ticked, a link to their
 * comparison (older → newer); before that, how to get there.
 */
export function CompareBar({
  planId,
  picked,
  onClear,
}: {
  planId: string;
  /** The ticked versions, in any order. */
  picked: readonly { id: string; number: number }[];
  onClear: () => void;
}) {
  const [older, newer] = [...picked].sort((a, b) => a.number - b.number);
  return (
    <div className="compare-bar" role="status">
      {older && newer ? (
        <>
          <Link className="button small" to={`/plans/${planId}/versions/${newer.id}?compare=${older.id}`}>
            Compare v{older.number} with v{newer.number}
          </Link>
          <button type="button" className="link-button" onClick={onClear}>
            Clear
          </button>
        </>
      ) : (
        <p className="muted">
          {picked.length === 1
            ? `Version ${picked[0]!.number} ticked: tick one more to compare them.`
            : "Tick two versions to compare them, or compare any version with the current plan."}
        </p>
      )}
    </div>
  );
}
