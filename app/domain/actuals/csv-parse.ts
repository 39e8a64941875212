/**
 * A CSV reader for files people export from spreadsheets (RFC 4180):
 * quoted fields with `""` for a quote and line breaks inside quotes, LF or
 * CRLF line ends, a UTF-8 byte order mark, blank lines. Each record keeps
 * the line it starts on, so an error can point at the line a person sees
 * in their editor. One pass over the text: a 50,000-row file is linear work.
 */

export interface CsvRecord {
  /** 1-based line of the file the record starts on. */
  line: number;
  fields: string[];
}

export interface CsvParseResult {
  records: CsvRecord[];
  /** A quote opened and never closed: the line it opened on, or null. */
  unclosedQuoteLine: number | null;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Splits CSV text into records. Records whose fields are all blank (empty
 * lines, or `,,,` rows spreadsheets leave behind) are skipped.
 */
export function parseCsv(input: string): CsvParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const length = text.length;

  const endRecord = () => {
    fields.push(field);
    if (fields.some((value) => value.trim() !== "")) records.push({ line: recordLine, fields });
    fields = [];
    field = "";
  };

  while (i < length) {
    const code = text.charCodeAt(i);
    if (code === QUOTE && field === "") {
      const quoteLine = line;
      let j = i + 1;
      let value = "";
      for (;;) {
        const close = text.indexOf('"', j);
        if (close === -1) {
          return { records, unclosedQuoteLine: quoteLine };
        }
        const chunk = text.slice(j, close);
        line += countLineBreaks(chunk);
        value += chunk;
        if (text.charCodeAt(close + 1) === QUOTE) {
          value += '"';
          j = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      // Text after the closing quote (`"a"b`) is kept, as spreadsheets do.
      field = value;
      continue;
    }
    if (code === COMMA) {
      fields.push(field);
      field = "";
      i += 1;
      continue;
    }
    if (code === CR || code === LF) {
      endRecord();
      i += code === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line += 1;
      recordLine = line;
      continue;
    }
    const next = nextSpecial(text, i);
    field += text.slice(i, next);
    i = next;
  }
  if (field !== "" || fields.length > 0) endRecord();
  return { records, unclosedQuoteLine: null };
}

/** Index of the next comma, quote or line break at or after `from` (or the end). */
function nextSpecial(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === COMMA || code === CR || code === LF || code === QUOTE) return i === from ? i + 1 : i;
    i += 1;
  }
  return i;
}

/** Line breaks inside a quoted value, with CRLF counted once. */
function countLineBreaks(chunk: string): number {
  let breaks = 0;
  for (let k = 0; k < chunk.length; k += 1) {
    const code = chunk.charCodeAt(k);
    if (code === LF) breaks += 1;
    else if (code === CR && chunk.charCodeAt(k + 1) !== LF) breaks += 1;
  }
  return breaks;
}

/** A value written so any CSV reader gets it back: quoted when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
