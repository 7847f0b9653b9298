import { Skeleton } from "@/components/ui/skeleton";

const COLUMNS = 8;

// Board-shaped placeholder while the server renders the columns.
export default function Loading() {
  return (
    <div aria-busy="true">
      <Skeleton className="mb-2 h-8 w-48" />
      <Skeleton className="mb-4 h-4 w-96 max-w-full" />
      <Skeleton className="mb-4 h-16 w-full" />
      <div className="flex h-[calc(100dvh-17.5rem)] min-h-[26rem] gap-3 overflow-hidden">
        {Array.from({ length: COLUMNS }, (_, column) => (
          <div key={column} className="flex w-[17.5rem] shrink-0 flex-col gap-2 rounded-lg border border-border bg-slate-50/80 p-3">
            <Skeleton className="h-5 w-32" />
            <Skeleton className="mb-2 h-8 w-full" />
            {Array.from({ length: 4 }, (_, card) => (
              <Skeleton key={card} className="h-28 w-full" />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
