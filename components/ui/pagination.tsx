import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { buttonVariants } from "./button";
import { cn } from "./cn";

type PaginationProps = {
  page: number;
  pageCount: number;
  hrefForPage: (page: number) => string;
  labels: { navigation: string; previous: string; next: string; status: string };
};

/** Previous / next links with a "page x of y" status; a disabled end is a plain span, not a dead link. */
export function Pagination({ page, pageCount, hrefForPage, labels }: PaginationProps) {
  if (pageCount <= 1) return null;
  const linkClass = buttonVariants({ variant: "secondary", size: "sm" });
  const disabledClass = cn(linkClass, "pointer-events-none opacity-50");
  return (
    <nav aria-label={labels.navigation} className="flex items-center justify-between gap-3 border-t border-border px-4 py-3">
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {labels.status}
      </p>
      <div className="flex items-center gap-2">
        {page > 1 ? (
          <Link href={hrefForPage(page - 1)} className={linkClass} rel="prev">
            <ChevronLeft aria-hidden="true" />
            {labels.previous}
          </Link>
        ) : (
          <span className={disabledClass} aria-disabled="true">
            <ChevronLeft aria-hidden="true" />
            {labels.previous}
          </span>
        )}
        {page < pageCount ? (
          <Link href={hrefForPage(page + 1)} className={linkClass} rel="next">
            {labels.next}
            <ChevronRight aria-hidden="true" />
          </Link>
        ) : (
          <span className={disabledClass} aria-disabled="true">
            {labels.next}
            <ChevronRight aria-hidden="true" />
          </span>
        )}
      </div>
    </nav>
  );
}
