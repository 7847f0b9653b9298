// Local-disk storage: one file per key under a root directory (DATA_DIR/files by default).
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { assertStorageKey, type FileStorage } from "./types";

export function createLocalStorage(root: string): FileStorage {
  const absoluteRoot = path.resolve(root);
  // The key pattern already excludes "..", so a key cannot leave the root; resolve once more as a belt.
  const locate = (key: string) => {
    assertStorageKey(key);
    const file = path.resolve(absoluteRoot, key);
    if (!file.startsWith(absoluteRoot + path.sep)) throw new Error(`Invalid storage key: ${key}`);
    return file;
  };
  return {
    async put(key, data) {
      const file = locate(key);
      await mkdir(path.dirname(file), { recursive: true });
      // "wx": never overwrite — keys are fresh uuids, so an existing file means a bug.
      await writeFile(file, data, { flag: "wx" });
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(locate(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(locate(key), { force: true });
    },
  };
}
