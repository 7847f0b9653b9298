"use client";
// Saving an analysis document through REST API v1 (PUT replaces it as a whole, with the version last read):
// the editors keep the document in state and call save(); a problem document becomes a message per path.
import { useState } from "react";

export type SaveState =
  | { kind: "idle" | "saving" | "saved" | "conflict" | "failed" }
  | { kind: "invalid"; errors: { path: string; message: string }[] };

export function useAnalysisDocument<T extends { version: number }>(opportunityId: string, segment: string, initial: T) {
  const [doc, setDocState] = useState<T>(initial);
  const [isDirty, setDirty] = useState(false);
  const [state, setState] = useState<SaveState>({ kind: "idle" });

  const setDoc = (update: (current: T) => T) => {
    setDocState(update);
    setDirty(true);
    setState({ kind: "idle" });
  };

  async function save(): Promise<boolean> {
    setState({ kind: "saving" });
    try {
      const response = await fetch(`/api/v1/opportunities/${opportunityId}/${segment}`, {
        method: "PUT", headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify(doc),
      });
      const body = (await response.json().catch(() => ({}))) as T & { errors?: { path: string; message: string }[] };
      if (response.ok) {
        setDocState(body);
        setDirty(false);
        setState({ kind: "saved" });
        return true;
      }
      if (response.status === 409) setState({ kind: "conflict" });
      else if (response.status === 422) setState({ kind: "invalid", errors: body.errors ?? [] });
      else setState({ kind: "failed" });
    } catch {
      setState({ kind: "failed" });
    }
    return false;
  }

  const errorAt = (path: string) => (state.kind === "invalid" ? state.errors.find((error) => error.path === path)?.message : undefined);
  return { doc, setDoc, save, state, isDirty, errorAt };
}

/** Short, URL-safe ids for new items inside a document. */
export function newItemId(): string {
  return Math.random().toString(36).slice(2, 10);
}
