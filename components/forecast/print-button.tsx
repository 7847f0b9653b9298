"use client";

import { Printer } from "lucide-react";
import { Button } from "@/components/ui/button";

/** Prints the report; the page's print styles hide the controls. */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button type="button" variant="secondary" className="print:hidden" onClick={() => window.print()}>
      <Printer aria-hidden="true" /> {label}
    </Button>
  );
}
