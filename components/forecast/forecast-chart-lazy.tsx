"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

/** The chart, code-split: recharts is fetched when a chart first renders, on the client only. */
export const LazyForecastChart = dynamic(() => import("./forecast-chart"), {
  ssr: false,
  loading: () => <Skeleton className="h-64 w-full" />,
});
