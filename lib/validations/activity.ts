// Activity input and output schemas, shared by the "Log activity" form, its server action and REST API v1.
// The type is checked against the activity-type registry (lib/domain/activities.ts).
import { z } from "zod";
import { ACTIVITY_TYPE_KEYS } from "@/lib/domain/activities";
import { idSchema, limitSchema, optionalText } from "./common";

export const activityTypeSchema = z.enum(ACTIVITY_TYPE_KEYS, { error: "Unknown activity type." });

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
    type: z.string().meta({ description: "A key of the activity-type registry, e.g. TECH_EXCHANGE." }),
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
