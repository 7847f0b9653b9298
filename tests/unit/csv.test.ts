import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CsvColumn, csvHeaderLine, csvLines, escapeCsvField, UTF8_BOM } from "@/lib/csv";
import { parseCsv } from "../integration/table/csv";

describe("CSV writing (RFC 4180)", () => {
  it("quotes only fields with a comma, a quote or a line break, doubling the quotes", () => {
    expect(escapeCsvField("plain 中文")).toBe("plain 中文");
    expect(escapeCsvField('a, "b"\nc')).toBe('"a, ""b""\nc"');
    expect(escapeCsvField("cr\r")).toBe('"cr\r"');
    expect(escapeCsvField(null)).toBe("");
    expect(escapeCsvField("1234.50")).toBe("1234.50");
  });

  it("keeps text a spreadsheet would run as a formula as text, but not numbers", () => {
    for (const text of ["=1+1", "+1", "-2", "@SUM(A1)", "\t=x"]) expect(escapeCsvField(text, { isText: true }).startsWith("'")).toBe(true);
    expect(escapeCsvField("=1+1")).toBe("=1+1");
    expect(escapeCsvField("ok=1", { isText: true })).toBe("ok=1");
  });

  it("reads back exactly what was written, whatever the text", () => {
    const columns: CsvColumn<string[]>[] = [0, 1, 2].map((index) => ({ header: `c${index}`, value: (row) => row[index] }));
    const safeText = fc.string({ unit: "grapheme" }).filter((text) => !/^[=+\-@\t\r]/.test(text));
    fc.assert(
      fc.property(fc.array(fc.tuple(safeText, safeText, safeText), { maxLength: 20 }), (rows) => {
        const text = UTF8_BOM + csvHeaderLine(columns) + csvLines(columns, rows);
        expect(parseCsv(text)).toEqual([["c0", "c1", "c2"], ...rows]);
      }),
    );
  });
});
