// Gives the integration run its own PostgreSQL database, migrated from prisma/migrations:
// - TEST_DATABASE_URL or DATABASE_URL set: a fresh database `crm_test_<time>` is created on that server
//   and dropped afterwards (the server's own data is never touched);
// - otherwise an embedded PostgreSQL in a temporary directory on a free port, removed afterwards.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../lib/infra/embedded-postgres";
import { applyMigrations } from "../../lib/infra/migrate";

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  let teardown: () => Promise<void>;
  let url: string;
  if (serverUrl) {
    const name = `crm_test_${Date.now()}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const testUrl = new URL(serverUrl);
    testUrl.pathname = `/${name}`;
    url = testUrl.toString();
    teardown = async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    };
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), "crm-test-pg-"));
    const server = await startEmbeddedPostgres({ dataDir: dir, databaseName: "crm_test", isEphemeral: true });
    url = server.url;
    teardown = async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  await applyMigrations(url);
  project.provide("databaseUrl", url);
  return teardown;
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
