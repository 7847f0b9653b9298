// Account and contact input schemas, shared by forms, actions and REST API v1.
import { z } from "zod";
import { contactOrgChartFields, contactOrgChartOutputFields } from "./buying-center";
import { idSchema, limitSchema, optionalText } from "./common";

export const accountCreateSchema = z
  .strictObject({
    name: z.string().trim().min(1, { error: "Name is required." }).max(200, { error: "At most 200 characters." }),
    industry: optionalText(100),
    segment: optionalText(100),
    region: optionalText(100),
    isKeyAccount: z.boolean().optional(),
    ownerId: idSchema.nullable().optional(),
  })
  .meta({ id: "AccountCreate" });

export const accountUpdateSchema = accountCreateSchema.partial().meta({ id: "AccountUpdate" });

export const accountListQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  limit: limitSchema,
  cursor: z.string().max(500).optional(),
});

export const contactCreateSchema = z
  .strictObject({
    name: z.string().trim().min(1, { error: "Name is required." }).max(200, { error: "At most 200 characters." }),
    title: optionalText(200),
    phone: optionalText(50),
    email: z
      .union([z.literal(""), z.email({ error: "Enter a valid email address." })])
      .transform((value) => (value === "" ? null : value))
      .nullable()
      .optional(),
    ...contactOrgChartFields,
  })
  .meta({ id: "ContactCreate" });

export const accountOutputSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    industry: z.string().nullable(),
    segment: z.string().nullable(),
    region: z.string().nullable(),
    isKeyAccount: z.boolean(),
    ownerId: z.uuid().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Account" });

export const contactOutputSchema = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    name: z.string(),
    title: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    createdAt: z.string(),
    ...contactOrgChartOutputFields,
  })
  .meta({ id: "Contact" });

export type AccountCreate = z.output<typeof accountCreateSchema>;
export type AccountUpdate = z.output<typeof accountUpdateSchema>;
export type AccountListQuery = z.output<typeof accountListQuerySchema>;
export type ContactCreate = z.output<typeof contactCreateSchema>;
export type AccountOutput = z.infer<typeof accountOutputSchema>;
export type ContactOutput = z.infer<typeof contactOutputSchema>;
