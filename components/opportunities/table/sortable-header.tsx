import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import { TableHeaderCell } from "@/components/ui/table";
import { cn } from "@/components/ui/cn";
import type { SortDirection } from "@/lib/validations/opportunity-table";

type SortableHeaderProps = {
  label: string;
  /** The link that sorts by this column (or flips the direction when it is the sorted one). */
  href: string;
  /** The direction when this is the sorted column, else null. */
  sortedDir: SortDirection | null;
  isNumeric?: boolean;
};

/** A column header whose label is a link to the sorted URL; aria-sort tells assistive tech the order. */
export function SortableHeader({ label, href, sortedDir, isNumeric = false }: SortableHeaderProps) {
  const Icon = sortedDir === "asc" ? ArrowUp : sortedDir === "desc" ? ArrowDown : ArrowUpDown;
  return (
    <TableHeaderCell
      aria-sort={sortedDir === "asc" ? "ascending" : sortedDir === "desc" ? "descending" : undefined}
      className={cn(isNumeric && "text-right")}
    >
      <Link
        href={href}
        scroll={false}
        className={cn(
          "inline-flex items-center gap-1 rounded-sm uppercase hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
          sortedDir && "text-foreground",
          isNumeric && "flex-row-reverse",
        )}
      >
        {label}
        <Icon aria-hidden="true" className={cn("size-3.5", !sortedDir && "opacity-40")} />
      </Link>
    </TableHeaderCell>
  );
}
