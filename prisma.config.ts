import { defineConfig } from "prisma/config";

// env("DATABASE_URL") throws when unset; the app starts its own PostgreSQL in that case,
// so the CLI gets a harmless placeholder (only `prisma generate` runs without a server).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx scripts/db.ts seed" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/placeholder" },
});
