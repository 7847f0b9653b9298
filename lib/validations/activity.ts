// Activity input and output schemas, shared by the "Log activity" form, its server action and REST API v1.
// The type's shape is checked here; whether the org offers it (built-in or admin-added, and active) is
// checked by the data layer against the org's list (lib/data/activity-types.ts), with the same message.
import { z } from "zod";
import { idSchema, limitSchema, optionalText } from "./common";

/** A key of the org's activity types, e.g. TECH_EXCHANGE (Activity.type holds at most 40 characters). */
export const activityTypeSchema = z
  .string({ error: "Unknown activity type." })
  .regex(/^[A-Z0-9][A-Z0-9_]{0,39}$/, { error: "Unknown activity type." })
  .meta({ description: "A key of the organization's active activity types (built-in or added by an admin in its lists), e.g. TECH_EXCHANGE." });

/** An instant with its offset ("2027-03-31T09:30:00+08:00" or "…Z"); a wall-clock time alone is ambiguous. */
export const instantSchema = z
  .iso.datetime({ offset: true, error: "Use an ISO 8601 date and time with an offset, e.g. 2027-03-31T09:30:00+08:00." })
  .refine((value) => {
    const year = new Date(value).getUTCFullYear();
    return year >= 1900 && year <= 2200;
  }, { error: "Use a date between the years 1900 and 2200." });

export const activityCreateSchema = z
  .strictObject({
    type: activityTypeSchema,
    occurredAt: instantSchema,
    subject: z.string().trim().min(1, { error: "Subject is required." }).max(200, { error: "At most 200 characters." }),
    notes: optionalText(5000),
    contactIds: z.array(idSchema).max(50, { error: "At most 50 contacts." }).optional(),
    nextStep: optionalText(500),
  })
  .meta({ id: "ActivityCreate" });

export type ActivityCreateInput = z.input<typeof activityCreateSchema>;
export type ActivityCreate = z.output<typeof activityCreateSchema>;

export const activityOutputSchema = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    opportunityId: z.uuid().nullable().meta({ description: "null for work on the account outside any deal." }),
    opportunityName: z.string().nullable(),
    type: z.string().meta({ description: "A key of the organization's activity types, e.g. TECH_EXCHANGE." }),
    typeName: z.object({ en: z.string(), "zh-CN": z.string() }).meta({ description: "The type's name in English and 简体中文." }),
    occurredAt: z.string(),
    subject: z.string(),
    notes: z.string().nullable(),
    nextStep: z.string().nullable(),
    contacts: z.array(z.object({ id: z.uuid(), name: z.string(), title: z.string().nullable() })),
    userId: z.uuid(),
    userName: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "Activity" });

export type ActivityOutput = z.infer<typeof activityOutputSchema>;
export type ActivityPage = { data: ActivityOutput[]; nextCursor: string | null };

export const activityListQuerySchema = z.strictObject({
  limit: limitSchema,
  cursor: z.string().max(500).optional(),
});
