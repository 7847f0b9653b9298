"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

type IntentLinkProps = Omit<ComponentProps<typeof Link>, "href" | "prefetch"> & { href: string };

/**
 * next/link for links every page shows (the nav, page headers): it fetches the page ahead when the user
 * aims at it (pointer over it, keyboard focus, a touch), not as soon as it is on screen. Next prefetched
 * every such link on every page view: a board view asked the server for 12 page renders nobody had asked for.
 */
export function IntentLink({ href, onMouseEnter, onFocus, onTouchStart, ...props }: IntentLinkProps) {
  const router = useRouter();
  const prefetch = () => router.prefetch(href);
  return (
    <Link
      {...props}
      href={href}
      prefetch={false}
      onMouseEnter={(event) => { prefetch(); onMouseEnter?.(event); }}
      onFocus={(event) => { prefetch(); onFocus?.(event); }}
      onTouchStart={(event) => { prefetch(); onTouchStart?.(event); }}
    />
  );
}
