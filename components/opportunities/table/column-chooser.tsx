"use client";

import { Columns3 } from "lucide-react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu, DropdownMenuCheckboxItem, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { TABLE_COLUMN_KEYS, type TableColumnKey } from "./table-columns";

type ColumnChooserProps = {
  columns: readonly TableColumnKey[];
  labels: Record<TableColumnKey, string>;
  onChange: (columns: readonly TableColumnKey[] | null) => void;
};

/** Which optional columns the table shows; the menu stays open while columns are ticked. */
export function ColumnChooser({ columns, labels, onChange }: ColumnChooserProps) {
  const { m } = useI18n();
  const t = m.opportunityTable.columns;
  const toggle = (key: TableColumnKey, isShown: boolean) => {
    onChange(TABLE_COLUMN_KEYS.filter((candidate) => (candidate === key ? isShown : columns.includes(candidate))));
  };
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="secondary" size="sm">
          <Columns3 aria-hidden="true" />
          {t.button}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuLabel>{t.title}</DropdownMenuLabel>
        {TABLE_COLUMN_KEYS.map((key) => (
          <DropdownMenuCheckboxItem
            key={key}
            checked={columns.includes(key)}
            onCheckedChange={(checked) => toggle(key, checked === true)}
            onSelect={(event) => event.preventDefault()}
          >
            {labels[key]}
          </DropdownMenuCheckboxItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => onChange(null)}>{t.reset}</DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
