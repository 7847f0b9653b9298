"use client";

import { LogOut, Settings, Trash2, Upload } from "lucide-react";
import Link from "next/link";
import { useI18n } from "@/components/i18n/i18n-provider";
import { LazyDropdownMenu } from "@/components/ui/lazy-dropdown-menu";

type UserMenuProps = { name: string; email: string; roleLabel: string };

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  const letters = parts.length > 1 ? `${parts[0][0]}${parts.at(-1)?.[0] ?? ""}` : name.slice(0, 2);
  return letters.toUpperCase();
}

export function UserMenu({ name, email, roleLabel }: UserMenuProps) {
  const { m } = useI18n();
  return (
    <LazyDropdownMenu
      trigger={{
        "aria-label": `${m.nav.userMenu}: ${name}`,
        className: "flex items-center gap-2 rounded-full p-0.5 pr-2 text-sm transition-colors hover:bg-muted focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2",
      }}
      triggerContent={
        <>
          <span aria-hidden="true" className="flex size-8 items-center justify-center rounded-full bg-indigo-600 text-xs font-semibold text-white">
            {initials(name)}
          </span>
          <span aria-hidden="true" className="hidden max-w-36 truncate font-medium text-foreground lg:inline">
            {name}
          </span>
        </>
      }
      content={({ DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator }) => (
        <DropdownMenuContent className="w-64">
          <DropdownMenuLabel className="font-normal">
            <span className="block text-xs text-muted-foreground">{m.nav.signedInAs}</span>
            <span className="block truncate text-sm font-medium text-foreground">{name}</span>
            <span className="block truncate text-xs text-muted-foreground">{email}</span>
            <span className="mt-1 block text-xs text-muted-foreground">{roleLabel}</span>
          </DropdownMenuLabel>
          <DropdownMenuSeparator />
          <DropdownMenuItem asChild>
            <Link href="/settings">
              <Settings aria-hidden="true" />
              {m.nav.settings}
            </Link>
          </DropdownMenuItem>
          {/* Occasional tasks live here, so the main navigation fits a tablet. */}
          <DropdownMenuItem asChild>
            <Link href="/import">
              <Upload aria-hidden="true" />
              {m.trust.import.nav}
            </Link>
          </DropdownMenuItem>
          <DropdownMenuItem asChild>
            <Link href="/recycle-bin">
              <Trash2 aria-hidden="true" />
              {m.trust.recycleBin.nav}
            </Link>
          </DropdownMenuItem>
          {/* next-auth's client (9 KB gzipped on every page's first load) is fetched only when someone signs out. */}
          <DropdownMenuItem onSelect={() => void import("next-auth/react").then(({ signOut }) => signOut({ callbackUrl: "/login" }))}>
            <LogOut aria-hidden="true" />
            {m.nav.signOut}
          </DropdownMenuItem>
        </DropdownMenuContent>
      )}
    />
  );
}
