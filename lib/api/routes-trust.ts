// REST API v1 routes of the recycle bin, imports and exports (issue 9); spliced into the one route table
// (lib/api/routes.ts), from which the OpenAPI document is generated.
import { opportunityExportQuerySchema } from "@/lib/validations/opportunity-table";
import { recycleBinListSchema, recycleBinQuerySchema, recycleBinTypeSchema } from "@/lib/validations/recycle-bin";
import { z } from "zod";
import { importJobSchema, importPreviewSchema, importStartSchema, importUploadQuerySchema } from "@/lib/validations/import";
import type { ApiRouteSpec } from "./routes";

const rejectedCsvSchema = z.string().meta({
  id: "ImportRejectedCsv", description: "UTF-8 with a BOM: row number, the reasons, then the file's own columns.",
});
const xlsxSchema = z.string().meta({ id: "XlsxWorkbook", description: "An Excel workbook (Office Open XML), one sheet." });
const accountCsvSchema = z.string().meta({ id: "AccountCsv", description: "UTF-8 with a BOM; CRLF records; text starting with = + - @ gets a leading '." });
const importListSchema = z.object({ data: z.array(importJobSchema) }).meta({ id: "ImportJobList" });

export const TRUST_API_ROUTES: readonly ApiRouteSpec[] = [
  {
    method: "DELETE", path: "/api/v1/contacts/:id", operationId: "deleteContact", tag: "Accounts", errors: [403],
    summary: "Move a contact to the recycle bin (its account's owner, managers and admins)",
    response: { status: 204, description: "In the recycle bin for 30 days." },
  },
  {
    method: "GET", path: "/api/v1/recycle-bin", operationId: "listRecycleBin", tag: "Recycle bin",
    summary: "Deleted accounts, contacts and deals the caller may see, newest deletion first, with the date each is purged",
    query: recycleBinQuerySchema,
    response: { status: 200, schema: recycleBinListSchema, description: "The items in the recycle bin." },
  },
  {
    method: "POST", path: "/api/v1/recycle-bin/:type/:id/restore", operationId: "restoreFromRecycleBin", tag: "Recycle bin",
    summary: "Restore a deleted record with its history and relations; an account brings back the contacts deleted with it",
    pathParams: { type: recycleBinTypeSchema }, errors: [403, 409, 422],
    response: { status: 204, description: "Restored." },
  },
  {
    method: "DELETE", path: "/api/v1/recycle-bin/:type/:id", operationId: "purgeFromRecycleBin", tag: "Recycle bin",
    summary: "Delete a record in the recycle bin permanently (administrators only)",
    pathParams: { type: recycleBinTypeSchema }, errors: [403, 422],
    response: { status: 204, description: "Gone for good." },
  },

  {
    method: "GET", path: "/api/v1/imports", operationId: "listImports", tag: "Import",
    summary: "The caller's 20 most recent imports (an administrator's: the organization's), newest first",
    response: { status: 200, schema: importListSchema, description: "Imports with their progress." },
  },
  {
    method: "POST", path: "/api/v1/imports", operationId: "uploadImport", tag: "Import",
    summary: "Upload a CSV or .xlsx file (multipart field \"file\", ≤ 50 MB, ≤ 200,000 rows) of accounts, contacts or deals",
    query: importUploadQuerySchema, errors: [400, 403],
    response: { status: 201, schema: importJobSchema, description: "The import, its columns and a suggested mapping.", hasLocation: true },
  },
  {
    method: "GET", path: "/api/v1/imports/:id", operationId: "getImport", tag: "Import",
    summary: "One import with its progress: processed, created, updated and rejected rows",
    response: { status: 200, schema: importJobSchema, description: "The import." },
  },
  {
    method: "POST", path: "/api/v1/imports/:id/preview", operationId: "previewImport", tag: "Import",
    summary: "Check every row under a mapping (schema, repeated external ids, accounts and owners) without writing",
    body: importStartSchema, errors: [409],
    response: { status: 200, schema: importPreviewSchema, description: "Counts, a sample and row-level errors." },
  },
  {
    method: "POST", path: "/api/v1/imports/:id/start", operationId: "startImport", tag: "Import",
    summary: "Run or resume the import in the background, keyed by external id (a second import updates, never duplicates)",
    body: importStartSchema, errors: [403, 409],
    response: { status: 200, schema: importJobSchema, description: "The running import; poll it for progress." },
  },
  {
    method: "POST", path: "/api/v1/imports/:id/cancel", operationId: "cancelImport", tag: "Import",
    summary: "Stop a running import after its current batch; start it again to resume", errors: [409],
    response: { status: 200, schema: importJobSchema, description: "The cancelled import." },
  },
  {
    method: "GET", path: "/api/v1/imports/:id/rejected.csv", operationId: "downloadImportRejections", tag: "Import",
    summary: "The rejected rows of an import as CSV, with the reasons and the original cells",
    response: { status: 200, schema: rejectedCsvSchema, mediaType: "text/csv", description: "The report." },
  },

  {
    method: "GET", path: "/api/v1/opportunities/export.xlsx", operationId: "exportOpportunitiesXlsx", tag: "Opportunities",
    summary: "The same deals, columns and order as export.csv, as a streamed Excel workbook",
    query: opportunityExportQuerySchema, errors: [403],
    response: { status: 200, schema: xlsxSchema, mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", description: "An attachment opportunities-YYYY-MM-DD.xlsx." },
  },
  {
    method: "GET", path: "/api/v1/accounts/export.csv", operationId: "exportAccountsCsv", tag: "Accounts",
    summary: "Every live account of the organization as streamed CSV, alphabetical",
    response: { status: 200, schema: accountCsvSchema, mediaType: "text/csv", description: "An attachment accounts-YYYY-MM-DD.csv." },
  },
  {
    method: "GET", path: "/api/v1/accounts/export.xlsx", operationId: "exportAccountsXlsx", tag: "Accounts",
    summary: "Every live account of the organization as a streamed Excel workbook, alphabetical",
    response: { status: 200, schema: xlsxSchema, mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", description: "An attachment accounts-YYYY-MM-DD.xlsx." },
  },
];
