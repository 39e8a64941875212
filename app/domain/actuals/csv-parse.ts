/**
 * A CSV reader for files people export from spreadsheets (RFC 4180):
 * quoted fields with `""` for a quote and line breaks inside quotes, LF or
 * CRLF line ends, a UTF-8 byte order mark, blank lines. Each record keeps
 * the line it starts on, so an error can point at the line a person sees
 * in their editor. One pass over the text: a 50,000-row file is linear work,
 * and `CsvReader` hands it out a record at a time, so a caller can stop
 * after any record and let other work run (an 8 MiB file is a few hundred
 * milliseconds of parsing in one go).
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
 * Reads CSV text record by record. Records whose fields are all blank
 * (empty lines, or `,,,` rows spreadsheets leave behind) are skipped.
 */
export class CsvReader {
  private readonly text: string;
  private index = 0;
  private line = 1;
  private quoteLine: number | null = null;

  constructor(input: string) {
    this.text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  }

  /** Characters read so far, out of `length`. */
  get position(): number {
    return this.index;
  }

  get length(): number {
    return this.text.length;
  }

  /** A quote opened and never closed: the line it opened on, or null. Reading stops there. */
  get unclosedQuoteLine(): number | null {
    return this.quoteLine;
  }

  /** The next record, or null at the end of the text (or at a quote never closed). */
  next(): CsvRecord | null {
    const text = this.text;
    const length = text.length;
    let fields: string[] = [];
    let field = "";
    let recordLine = this.line;

    while (this.index < length) {
      const code = text.charCodeAt(this.index);
      if (code === QUOTE && field === "") {
        const value = this.quoted();
        if (value === null) return null;
        // Text after the closing quote (`"a"b`) is kept, as spreadsheets do.
        field = value;
        continue;
      }
      if (code === COMMA) {
        fields.push(field);
        field = "";
        this.index += 1;
        continue;
      }
      if (code === CR || code === LF) {
        this.index += code === CR && text.charCodeAt(this.index + 1) === LF ? 2 : 1;
        this.line += 1;
        fields.push(field);
        if (fields.some((value) => value.trim() !== "")) return { line: recordLine, fields };
        fields = [];
        field = "";
        recordLine = this.line;
        continue;
      }
      const next = nextSpecial(text, this.index);
      field += text.slice(this.index, next);
      this.index = next;
    }
    if (field === "" && fields.length === 0) return null;
    fields.push(field);
    return fields.some((value) => value.trim() !== "") ? { line: recordLine, fields } : null;
  }

  /** The quoted value starting at the current quote; null (and the reader stopped) if it never closes. */
  private quoted(): string | null {
    const text = this.text;
    const quoteLine = this.line;
    let j = this.index + 1;
    let value = "";
    for (;;) {
      const close = text.indexOf('"', j);
      if (close === -1) {
        this.quoteLine = quoteLine;
        this.index = text.length;
        return null;
      }
      const chunk = text.slice(j, close);
      this.line += countLineBreaks(chunk);
      value += chunk;
      if (text.charCodeAt(close + 1) === QUOTE) {
        value += '"';
        j = close + 2;
        continue;
      }
      this.index = close + 1;
      return value;
    }
  }
}

/** Splits CSV text into records in one go (see CsvReader). */
export function parseCsv(input: string): CsvParseResult {
  const reader = new CsvReader(input);
  const records: CsvRecord[] = [];
  for (let record = reader.next(); record !== null; record = reader.next()) records.push(record);
  return { records, unclosedQuoteLine: reader.unclosedQuoteLine };
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
