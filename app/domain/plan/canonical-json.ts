/**
 * One spelling of a JSON value, so equal content always hashes alike: a
 * version's content hash (SHA-256 of the canonical JSON of the projection)
 * must not depend on the order in which keys happened to be written, and
 * undoing back to identical content must give the identical hash.
 *
 * Object keys are sorted by UTF-16 code units and there is no whitespace;
 * strings and numbers are written as JSON.stringify writes them. For the
 * values a projection holds this matches RFC 8785 (JCS).
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set());
}

function write(value: unknown, ancestors: Set<object>): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "number":
      // NaN and ±Infinity are not JSON; JSON.stringify writes null, and so do we. -0 is 0.
      return Number.isFinite(value) ? JSON.stringify(value) : "null";
    case "object":
      return writeObject(value, ancestors);
    default:
      // undefined, functions, symbols and bigints have no JSON form.
      throw new TypeError(`canonicalJson cannot write a ${typeof value}.`);
  }
}

function writeObject(value: object, ancestors: Set<object>): string {
  if (ancestors.has(value)) throw new TypeError("canonicalJson cannot write a cycle.");
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === "function") return write(withToJson.toJSON(), ancestors);
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      // As in JSON.stringify, an array slot with no JSON form is written as null.
      return `[${value.map((item) => (hasJsonForm(item) ? write(item, ancestors) : "null")).join(",")}]`;
    }
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .filter((key) => hasJsonForm(record[key]))
      .sort()
      .map((key) => `${JSON.stringify(key)}:${write(record[key], ancestors)}`);
    return `{${members.join(",")}}`;
  } finally {
    ancestors.delete(value);
  }
}

/** Object members without a JSON form are left out, as JSON.stringify does. */
function hasJsonForm(value: unknown): boolean {
  return value !== undefined && typeof value !== "function" && typeof value !== "symbol";
}
