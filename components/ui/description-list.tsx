import type { ReactNode } from "react";
import { cn } from "./cn";

export type DescriptionItem = { term: ReactNode; detail: ReactNode; isWide?: boolean };

export function DescriptionList({ items, className }: { items: DescriptionItem[]; className?: string }) {
  return (
    <dl className={cn("grid grid-cols-1 gap-x-6 gap-y-4 sm:grid-cols-2", className)}>
      {items.map((item, index) => (
        <div key={index} className={cn("min-w-0", item.isWide && "sm:col-span-2")}>
          <dt className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{item.term}</dt>
          <dd className="mt-1 break-words text-sm text-foreground">{item.detail}</dd>
        </div>
      ))}
    </dl>
  );
}
