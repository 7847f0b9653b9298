// Decides which PostgreSQL the process uses: DATABASE_URL when set (nothing is started), otherwise the
// embedded server under DATA_DIR (default .data/).
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded-postgres";

export type DatabaseHandle = {
  url: string;
  isEmbedded: boolean;
  /** A brand-new embedded database: the only case where demo data is loaded automatically. */
  isFresh: boolean;
  stop: () => Promise<void>;
};

export function resolveDataDir(): string {
  return path.resolve(process.env.DATA_DIR || ".data");
}

export async function openDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (url) return { url, isEmbedded: false, isFresh: false, stop: async () => {} };
  const embedded = await startEmbeddedPostgres({ dataDir: resolveDataDir() });
  return { url: embedded.url, isEmbedded: true, isFresh: embedded.isFresh, stop: embedded.stop };
}
