// CSV as RFC 4180 writes it: fields separated by commas, records ended by CRLF, and a field quoted (with
// its quotes doubled) when it holds a comma, a quote, CR or LF. Pure, so it is unit-tested on its own.

/** Written first so Excel reads the file as UTF-8 (Chinese names) instead of the system code page. */
export const UTF8_BOM = "\uFEFF";

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Spreadsheets run a cell starting with = + - @ (or a tab / CR before them) as a formula; a user-typed
 * name like "=HYPERLINK(…)" must stay text when the export is opened, so such text gets a leading '.
 * Only for free text: exact numbers and dates are written as they are.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | null | undefined;

export function escapeCsvField(value: CsvValue, options: { isText?: boolean } = {}): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (options.isText && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export type CsvColumn<T> = { header: string; value: (row: T) => CsvValue; isText?: boolean };

export function csvHeaderLine<T>(columns: readonly CsvColumn<T>[]): string {
  return `${columns.map((column) => escapeCsvField(column.header)).join(",")}\r\n`;
}

export function csvLines<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  let text = "";
  for (const row of rows) {
    text += `${columns.map((column) => escapeCsvField(column.value(row), { isText: column.isText })).join(",")}\r\n`;
  }
  return text;
}
