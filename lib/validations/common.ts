// Shared zod building blocks. Every schema at a boundary is strict: unknown fields are refused.
import { z } from "zod";
import { isValidMoneyString } from "@/lib/domain/money";
import { STAGE_KEYS } from "@/lib/domain/stages";

export const idSchema = z.uuid({ error: "Must be a valid id." });

/** Money as a decimal string with at most 2 places ("1234.50"); a JSON number is accepted only if it is exact. */
export const moneySchema = z
  .union([z.string(), z.number()])
  .transform((value) => (typeof value === "number" ? String(value) : value.trim()))
  .refine((value) => isValidMoneyString(value), { error: "Enter an amount ≥ 0 with at most 2 decimal places." })
  .meta({ type: "string", example: "123456.78", description: "Decimal string, ≥ 0, at most 2 decimal places." });

export const currencySchema = z.string().regex(/^[A-Z]{3}$/, { error: "Use a 3-letter ISO currency code, e.g. CNY." });

/** A calendar date "YYYY-MM-DD" that exists (PostgreSQL has no year 0000, so neither do we). */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Use the format YYYY-MM-DD." })
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return value >= "0001-01-01" && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, { error: "This date does not exist." });

export const stageSchema = z.enum(STAGE_KEYS, { error: "Unknown stage." });

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `At most ${max} characters.` })
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional();

export const limitSchema = z.coerce.number().int().min(1).max(200).default(50);

export const localeSchema = z.enum(["en", "zh-CN"]);
