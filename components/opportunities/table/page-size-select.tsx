"use client";

import { useUrlParams } from "@/components/forms/use-url-params";
import { useI18n } from "@/components/i18n/i18n-provider";
import { FieldLabel } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/input";
import { DEFAULT_TABLE_PAGE_SIZE, TABLE_PAGE_SIZES } from "@/lib/validations/opportunity-table";

/** Rows per page, kept in the URL (?size=) with the filters; changing it goes back to page 1. */
export function PageSizeSelect({ pageSize }: { pageSize: number }) {
  const { m } = useI18n();
  const { update } = useUrlParams();
  return (
    <div className="flex items-center gap-2">
      <FieldLabel htmlFor="table-page-size" className="whitespace-nowrap text-muted-foreground">
        {m.opportunityTable.pageSize}
      </FieldLabel>
      <NativeSelect
        id="table-page-size"
        className="w-20"
        value={String(pageSize)}
        onChange={(event) => update({ size: event.target.value === String(DEFAULT_TABLE_PAGE_SIZE) ? "" : event.target.value })}
      >
        {TABLE_PAGE_SIZES.map((size) => (
          <option key={size} value={size}>
            {size}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
