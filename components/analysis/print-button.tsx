"use client";
import { Printer } from "lucide-react";
import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog, whose "Save as PDF" gives the project file as a PDF. */
export function PrintButton({ label }: { label: string }) {
  return <Button onClick={() => window.print()} className="print:hidden"><Printer aria-hidden="true" />{label}</Button>;
}
