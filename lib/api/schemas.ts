// Response shapes of REST API v1 that exist only at the HTTP boundary (the problem document, pages,
// lists, the caller's profile). Entity shapes come from lib/validations; these only wrap them, so the
// OpenAPI document and the handlers describe the same JSON.
import { z } from "zod";
import { localeSchema, stageSchema } from "@/lib/validations/common";
import { accountOutputSchema, contactOutputSchema } from "@/lib/validations/account";
import { activityOutputSchema } from "@/lib/validations/activity";
import { opportunityOutputSchema, stageChangeOutputSchema } from "@/lib/validations/opportunity";
import { tokenOutputSchema } from "@/lib/validations/token";

export const problemSchema = z
  .object({
    type: z.string().meta({ example: "https://crm.example/problems/unprocessable-content" }),
    title: z.string(),
    status: z.int(),
    detail: z.string().optional(),
    errors: z
      .array(
        z.object({
          path: z.string(),
          message: z.string(),
          criterionId: z.uuid().optional().meta({ description: "An unmet gate criterion (path \"gates\")." }),
          kind: z.string().optional().meta({ description: "The gate criterion's kind, e.g. CHECKLIST." }),
          stage: z.string().optional().meta({ description: "The stage whose gate the criterion belongs to." }),
        }),
      )
      .optional(),
    currentVersion: z.int().optional().meta({ description: "On 409: the version the record has now." }),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem document (application/problem+json)." });

export const meOutputSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(["REP", "MANAGER", "ADMIN"]),
    orgId: z.uuid(),
    teamIds: z.array(z.uuid()),
    locale: localeSchema,
  })
  .meta({ id: "Me" });

export const stageOutputSchema = z
  .object({
    key: stageSchema,
    name: z.object({ en: z.string(), "zh-CN": z.string() }),
    probability: z.number().min(0).max(1),
    order: z.int(),
    isClosed: z.boolean(),
    isWon: z.boolean(),
  })
  .meta({ id: "Stage" });

export const stageListSchema = z.array(stageOutputSchema).meta({ id: "StageList" });

const nextCursorSchema = z.string().nullable().meta({ description: "Pass as ?cursor= for the next page; null on the last page." });

export const accountPageSchema = z
  .object({ data: z.array(accountOutputSchema), nextCursor: nextCursorSchema })
  .meta({ id: "AccountPage" });

export const contactListSchema = z.array(contactOutputSchema).meta({ id: "ContactList" });

export const opportunityPageSchema = z
  .object({ data: z.array(opportunityOutputSchema), nextCursor: nextCursorSchema })
  .meta({ id: "OpportunityPage" });

export const opportunityCsvSchema = z
  .string()
  .meta({
    id: "OpportunityCsv",
    description: "UTF-8 with a BOM; CRLF records; fields with a comma, quote or line break are quoted. Text starting with = + - @ gets a leading '.",
  });

export const activityPageSchema = z
  .object({ data: z.array(activityOutputSchema), nextCursor: nextCursorSchema })
  .meta({ id: "ActivityPage", description: "Newest first." });

export const stageHistorySchema = z.array(stageChangeOutputSchema).meta({ id: "StageHistory", description: "Oldest first." });

export const tokenListSchema = z.array(tokenOutputSchema).meta({ id: "ApiTokenList" });

export const tokenCreatedSchema = tokenOutputSchema
  .extend({ token: z.string().meta({ description: "The secret; shown only in this response." }) })
  .meta({ id: "ApiTokenCreated" });

/** Optional optimistic-concurrency check on DELETE /opportunities/:id. */
export const opportunityDeleteQuerySchema = z.strictObject({
  version: z.coerce.number().int().positive().optional(),
});
