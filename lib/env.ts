// Server configuration, checked once with zod. Mirrors .env.example.
import { z } from "zod";

const envSchema = z.object({
  DATABASE_URL: z.string().url().optional().or(z.literal("").transform(() => undefined)),
  /** "off" sends every statement unnamed, for a connection pooler that cannot keep prepared statements. */
  DATABASE_PREPARED_STATEMENTS: z.enum(["on", "off"]).default("on"),
  DATA_DIR: z.string().default(".data"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Server processes of `npm start` (scripts/serve-workers.ts); unset: one per CPU core, at most 4. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  /** Integration tests create a throw-away database on this server (else on DATABASE_URL, else embedded). */
  TEST_DATABASE_URL: z.string().url().optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** Reverse proxies in front of the app that append the client's address to X-Forwarded-For (docs/deploy.md). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(20).default(0),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= envSchema.parse(process.env);
  return cached;
}

export function requireDatabaseUrl(): string {
  const url = getEnv().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start` (which provides one) or set it in .env.");
  return url;
}

/** TRUSTED_PROXY_HOPS, read on each call (a test may set it); invalid values fail loudly at start-up via getEnv. */
export function trustedProxyHops(): number {
  return envSchema.shape.TRUSTED_PROXY_HOPS.parse(process.env.TRUSTED_PROXY_HOPS);
}
