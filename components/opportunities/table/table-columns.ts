"use client";

import { useCallback, useSyncExternalStore } from "react";
import type { TableSortKey } from "@/lib/validations/opportunity-table";

/** Optional columns of the opportunities table; the name (with the row checkbox) always shows. */
export const TABLE_COLUMN_KEYS = [
  "account", "owner", "productLine", "stage", "probability", "daysInStage", "amount", "weighted", "closeDate", "updated",
] as const;
export type TableColumnKey = (typeof TABLE_COLUMN_KEYS)[number];

export const DEFAULT_TABLE_COLUMNS: readonly TableColumnKey[] = ["account", "owner", "stage", "amount", "weighted", "closeDate", "updated"];

/** The server sort key behind each sortable column. */
export const COLUMN_SORT_KEYS: Partial<Record<TableColumnKey, TableSortKey>> = {
  account: "accountName",
  owner: "ownerName",
  stage: "stage",
  amount: "amount",
  weighted: "weightedAmount",
  closeDate: "expectedCloseDate",
  updated: "updatedAt",
};

// Versioned: a later change of the column set starts from the defaults instead of a stale choice.
const STORAGE_KEY = "crm:opportunity-table:columns:v1";
const CHANGE_EVENT = "crm:opportunity-table:columns";

function readStored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage blocked (privacy mode): the defaults apply
  }
}

function parseColumns(stored: string | null): readonly TableColumnKey[] {
  if (stored === null) return DEFAULT_TABLE_COLUMNS;
  const keys = stored.split(",").filter((key): key is TableColumnKey => (TABLE_COLUMN_KEYS as readonly string[]).includes(key));
  return TABLE_COLUMN_KEYS.filter((key) => keys.includes(key));
}

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

/**
 * The visible columns, remembered in this browser (localStorage, shared by its tabs). The server renders
 * the defaults; the stored choice applies right after hydration.
 */
export function useTableColumns() {
  const stored = useSyncExternalStore(subscribe, readStored, () => null);
  const columns = parseColumns(stored);
  const setColumns = useCallback((next: readonly TableColumnKey[] | null) => {
    try {
      if (next === null) window.localStorage.removeItem(STORAGE_KEY);
      else window.localStorage.setItem(STORAGE_KEY, next.join(","));
    } catch {
      // storage blocked (privacy mode): the defaults stay
    }
    window.dispatchEvent(new Event(CHANGE_EVENT));
  }, []);
  return { columns, setColumns };
}
