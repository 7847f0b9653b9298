// Import at the boundaries: the upload query, the column mapping, each entity's row (cells arrive as text)
// and the job as the API shows it. Row schemas reuse the entity schemas' field rules.
import { z } from "zod";
import { IMPORT_ENTITIES, parseYesNo } from "@/lib/domain/import";
import { currencySchema, dateSchema, moneySchema, optionalText, stageSchema } from "./common";

export const importEntitySchema = z.enum(IMPORT_ENTITIES, { error: "Use account, contact or opportunity." });

export const importUploadQuerySchema = z.strictObject({ entity: importEntitySchema });

export const importMappingSchema = z.record(z.string().max(40), z.int().min(0).max(500)).meta({
  id: "ImportMapping", description: "Field key → index (0-based) of the file column that feeds it.",
});

export const importStartSchema = z.strictObject({ mapping: importMappingSchema }).meta({ id: "ImportStart" });

const externalId = z.string().trim().min(1, { error: "An external id is required." }).max(120, { error: "At most 120 characters." });
const name = z.string().trim().min(1, { error: "Name is required." }).max(200, { error: "At most 200 characters." });
const email = z.email({ error: "Enter a valid email address." });

export const accountImportRowSchema = z.strictObject({
  externalId, name,
  industry: optionalText(100), segment: optionalText(100), region: optionalText(100),
  isKeyAccount: z.string().optional().transform((value, context) => {
    if (value === undefined) return undefined;
    const flag = parseYesNo(value);
    if (flag === null) context.addIssue({ code: "custom", message: "Use yes or no." });
    return flag ?? undefined;
  }),
  ownerEmail: email.optional(),
});

const accountRef = { accountExternalId: z.string().trim().max(120).optional(), accountName: z.string().trim().max(200).optional() };

export const contactImportRowSchema = z.strictObject({
  externalId, name, ...accountRef,
  title: optionalText(200), phone: optionalText(50), email: email.optional(),
});

export const opportunityImportRowSchema = z
  .strictObject({
    externalId, name, ...accountRef,
    ownerEmail: email.optional(),
    amount: moneySchema,
    currency: currencySchema.optional(),
    expectedCloseDate: dateSchema,
    stage: z.string().trim().toUpperCase().pipe(stageSchema).optional(),
    productLine: optionalText(100),
    lossReason: optionalText(500),
  })
  .refine((row) => row.stage !== "LOST" || Boolean(row.lossReason), { path: ["lossReason"], error: "A lost deal needs a loss reason." });

export const IMPORT_ROW_SCHEMAS = {
  account: accountImportRowSchema, contact: contactImportRowSchema, opportunity: opportunityImportRowSchema,
} as const;

export type AccountImportRow = z.output<typeof accountImportRowSchema>;
export type ContactImportRow = z.output<typeof contactImportRowSchema>;
export type OpportunityImportRow = z.output<typeof opportunityImportRowSchema>;

export const IMPORT_STATUSES = ["PENDING", "RUNNING", "CANCELLED", "COMPLETED", "FAILED"] as const;

export const importRowErrorSchema = z.object({
  row: z.int().describe("1-based row number in the file, the header being row 1."),
  errors: z.array(z.object({ path: z.string(), message: z.string() })),
}).meta({ id: "ImportRowError" });

export const importJobSchema = z.object({
  id: z.uuid(),
  entity: importEntitySchema,
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  headers: z.array(z.string()),
  mapping: importMappingSchema,
  totalRows: z.int(),
  processedRows: z.int(),
  createdCount: z.int(),
  updatedCount: z.int(),
  unchangedCount: z.int().describe("Rows naming an existing record that they would not change: nothing was written for them."),
  rejectedCount: z.int(),
  isStopping: z.boolean().describe("Stopped while a batch was being written: that batch still commits, counted, before the import stops."),
  error: z.string().nullable(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
}).meta({ id: "ImportJob" });
export type ImportJobOutput = z.infer<typeof importJobSchema>;

export const importPreviewSchema = z.object({
  totalRows: z.int(),
  validRows: z.int(),
  rejectedRows: z.int(),
  missingFields: z.array(z.string()),
  sample: z.array(z.object({ row: z.int(), values: z.record(z.string(), z.string()) })),
  errors: z.array(importRowErrorSchema).describe("The first 200 rows with errors."),
}).meta({ id: "ImportPreview" });
export type ImportPreview = z.infer<typeof importPreviewSchema>;
