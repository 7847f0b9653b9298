// Reads an uploaded import file — CSV (UTF-8, optional BOM) or Excel .xlsx (first worksheet, through exceljs)
// — into a header row and data rows of text cells. Dates become YYYY-MM-DD, numbers their exact text.
import "server-only";
import ExcelJS from "exceljs";
import { parseCsv } from "@/lib/domain/import";
import { invalid } from "@/lib/errors";

export type ImportTable = { headers: string[]; rows: string[][] };

export const IMPORT_FILE_KINDS = { csv: "text/csv", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } as const;

export function importFileKind(fileName: string): "csv" | "xlsx" {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".xlsx")) return "xlsx";
  throw invalid([{ path: "file", message: "Upload a .csv or .xlsx file." }]);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("text" in value) return String(value.text);
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("error" in value) return "";
  }
  return String(value);
}

async function readXlsx(data: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  } catch {
    throw invalid([{ path: "file", message: "The Excel file could not be read." }]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows.push(Array.from({ length: values.length }, (_, i) => cellText(values[i] as ExcelJS.CellValue)));
  });
  return rows;
}

export async function readImportTable(fileName: string, data: Uint8Array): Promise<ImportTable> {
  const rows = importFileKind(fileName) === "csv" ? parseCsv(new TextDecoder("utf-8").decode(data)) : await readXlsx(data);
  const [headerRow, ...body] = rows;
  if (!headerRow || headerRow.every((cell) => cell.trim() === "")) {
    throw invalid([{ path: "file", message: "The file is empty: the first row must name the columns." }]);
  }
  return { headers: headerRow.map((cell) => cell.trim()), rows: body };
}
