import { Card } from "./card";
import { Skeleton } from "./skeleton";

/** Placeholder for a list page while its data loads: header, filter bar and rows. */
export function TableSkeleton({ columns, rows = 8 }: { columns: number; rows?: number }) {
  return (
    <div aria-busy="true">
      <div className="mb-6 flex items-end justify-between gap-4">
        <div className="space-y-2">
          <Skeleton className="h-7 w-48" />
          <Skeleton className="h-4 w-32" />
        </div>
        <Skeleton className="h-9 w-40" />
      </div>
      <Card>
        <div className="flex gap-3 border-b border-border px-4 py-3">
          <Skeleton className="h-9 flex-1" />
          <Skeleton className="h-9 w-48" />
          <Skeleton className="h-9 w-48" />
        </div>
        <div className="divide-y divide-border">
          {Array.from({ length: rows }, (_, row) => (
            <div key={row} className="flex gap-4 px-4 py-3.5">
              {Array.from({ length: columns }, (_, column) => (
                <Skeleton key={column} className={column === 0 ? "h-4 flex-[2]" : "h-4 flex-1"} />
              ))}
            </div>
          ))}
        </div>
      </Card>
    </div>
  );
}
