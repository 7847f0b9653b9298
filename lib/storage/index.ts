// The file storage in use: local disk under DATA_DIR/files unless a test or a deployment installs another.
import "server-only";
import path from "node:path";
import { getEnv } from "@/lib/env";
import { createLocalStorage } from "./local";
import type { FileStorage } from "./types";

export type { FileStorage } from "./types";

let current: FileStorage | undefined;

export function getFileStorage(): FileStorage {
  current ??= createLocalStorage(path.join(getEnv().DATA_DIR, "files"));
  return current;
}

/** Installs another backend (tests use a temporary directory; a deployment could use an object store). */
export function setFileStorage(storage: FileStorage): void {
  current = storage;
}
