"use client";

import { Download } from "lucide-react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { type CsvValue, escapeCsvField, UTF8_BOM } from "@/lib/csv";

/** Downloads a table as CSV (RFC 4180, UTF-8 with BOM so spreadsheets read Chinese names). */
export function CsvButton({ filename, headers, rows }: { filename: string; headers: string[]; rows: CsvValue[][] }) {
  const { m } = useI18n();
  const download = () => {
    const lines = [headers, ...rows].map((row) => row.map((value) => escapeCsvField(value, { isText: typeof value === "string" })).join(","));
    const blob = new Blob([UTF8_BOM + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = filename;
    link.click();
    URL.revokeObjectURL(link.href);
  };
  return (
    <Button type="button" variant="secondary" size="sm" onClick={download} className="print:hidden">
      <Download aria-hidden="true" /> {m.forecast.exportCsv}
    </Button>
  );
}
