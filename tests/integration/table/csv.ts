// Reading an exported CSV back in the tests: an RFC 4180 parser (quoted fields may hold commas, doubled
// quotes and line breaks) that also checks every record ends with CRLF.
import { UTF8_BOM } from "@/lib/csv";

export function parseCsv(text: string): string[][] {
  if (!text.startsWith(UTF8_BOM)) throw new Error("the file does not start with a UTF-8 BOM");
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let isQuoted = false;
  for (let index = 1; index < text.length; index += 1) {
    const character = text[index];
    if (isQuoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (character === '"') {
        isQuoted = false;
      } else {
        field += character;
      }
    } else if (character === '"') {
      if (field !== "") throw new Error(`a quote inside an unquoted field at ${index}`);
      isQuoted = true;
    } else if (character === ",") {
      record.push(field);
      field = "";
    } else if (character === "\r" && text[index + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      index += 1;
    } else if (character === "\n" || character === "\r") {
      throw new Error(`a bare line break outside quotes at ${index}`);
    } else {
      field += character;
    }
  }
  if (isQuoted || field !== "" || record.length) throw new Error("the last record does not end with CRLF");
  return records;
}

/** Records as objects keyed by the header row. */
export function csvObjects(text: string): { header: string[]; rows: Record<string, string>[] } {
  const [header, ...records] = parseCsv(text);
  return { header, rows: records.map((record) => Object.fromEntries(header.map((name, index) => [name, record[index]]))) };
}
