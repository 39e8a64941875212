/** Shapes the plan table components take as props; the editor binds them to the document. */

/** Another person in a cell, from their awareness state. */
export interface CellPeerView {
  clientId: number;
  name: string;
  /** A CSS colour (the server stamps it from their team). */
  color: string;
}

export interface SelectOption {
  value: string;
  label: string;
}

/**
 * How a cell is edited:
 * - `text`: one line (or several with `multiline`); `numeric` right-aligns
 *   it and brings up a number keyboard, the text stays free ("$1.2M", "25 %").
 * - `date`: the browser's date input, an ISO `YYYY-MM-DD` value.
 * - `select`: one of `options`; `emptyLabel` adds an empty choice.
 */
export type CellControl =
  | { type: "text"; multiline?: boolean; numeric?: boolean; maxLength?: number; placeholder?: string }
  | { type: "date" }
  | { type: "select"; options: readonly SelectOption[]; emptyLabel: string | null };

/**
 * Commits typed text to a cell: null when it was written (or unchanged),
 * else the message that refused it (nothing was written).
 */
export type CommitCell = (cellKey: string, raw: string) => string | null;

export type CellFocusChange = (cellKey: string, focused: boolean) => void;

/** How a funnel figure reads: a number, what it still needs, or the gap with its direction in words. */
export interface FigureText {
  text: string;
  tone: "value" | "missing" | "short" | "spare" | "even";
}

/** One target market's line of the reverse funnel, every figure already worded. */
export interface FunnelLine {
  /** "" for the total line. */
  targetMarketId: string;
  market: string;
  revenueTarget: FigureText;
  dealsNeeded: FigureText;
  sqlsNeeded: FigureText;
  mqlsNeeded: FigureText;
  expectedMqls: FigureText;
  gap: FigureText;
}
