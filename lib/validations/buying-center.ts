// Buying-center schemas (issue 6): contact org-chart fields, relationships, a deal's buying center, the
// org chart, the fishing-net map and the key-account profile. Shared by forms, actions and REST API v1.
import { z } from "zod";
import { MAX_PROFILE_SECTIONS, MAX_SECTION_TEXT, PROFILE_SECTION_KEY } from "@/lib/domain/account-profile";
import {
  CONTACT_LEVELS, CONTACT_ROLES, CONTACT_STANCES, type ContactLevel, type ContactRole, type ContactStance, GAP_KINDS, MAX_DEGREE, RED_FLAG_KINDS,
} from "@/lib/domain/buying-center";
import { idSchema, optionalText } from "./common";

export const contactLevelSchema = z.enum(CONTACT_LEVELS, { error: `Level is one of ${CONTACT_LEVELS.join(", ")}.` });
export const contactRoleSchema = z.enum(CONTACT_ROLES, { error: `Role is one of ${CONTACT_ROLES.join(", ")}.` });
export const contactStanceSchema = z.enum(CONTACT_STANCES, { error: `Stance is one of ${CONTACT_STANCES.join(", ")}.` });
export const degreeSchema = z.int({ error: "A whole degree from 0 to 5." }).min(0, { error: "At least 0." }).max(MAX_DEGREE, { error: "At most 5." });

const rolesSchema = z.array(contactRoleSchema).max(CONTACT_ROLES.length).transform((roles) => CONTACT_ROLES.filter((role) => roles.includes(role)));

/** The org-chart fields a contact accepts on create and update (all optional; null clears). */
export const contactOrgChartFields = {
  reportsToId: idSchema.nullable().optional(),
  department: optionalText(200),
  level: contactLevelSchema.nullable().optional(),
  roles: rolesSchema.optional(),
  stance: contactStanceSchema.nullable().optional(),
};

export const contactOrgChartOutputFields = {
  reportsToId: z.uuid().nullable(),
  department: z.string().nullable(),
  level: contactLevelSchema.nullable(),
  roles: z.array(contactRoleSchema),
  stance: contactStanceSchema.nullable(),
  relationship: z.int().min(0).max(MAX_DEGREE).meta({ description: "The strongest relationship degree any of our users holds (0–5)." }),
};

export const contactUpdateSchema = z
  .strictObject({
    name: z.string().trim().min(1, { error: "Name is required." }).max(200, { error: "At most 200 characters." }).optional(),
    title: optionalText(200),
    phone: optionalText(50),
    email: z
      .union([z.literal(""), z.email({ error: "Enter a valid email address." })])
      .transform((value) => (value === "" ? null : value))
      .nullable()
      .optional(),
    ...contactOrgChartFields,
  })
  .meta({ id: "ContactUpdate" });
export type ContactUpdate = z.output<typeof contactUpdateSchema>;

export const relationshipSetSchema = z
  .strictObject({
    userId: idSchema,
    degree: degreeSchema,
    note: optionalText(1000),
  })
  .meta({ id: "RelationshipSet" });
export type RelationshipSet = z.output<typeof relationshipSetSchema>;

const personSchema = z.object({ id: z.uuid(), name: z.string() });

export const contactRelationshipsSchema = z
  .object({
    contactId: z.uuid(),
    relationship: z.int().meta({ description: "The strongest degree held." }),
    holders: z.array(z.object({ user: personSchema, degree: z.int(), updatedAt: z.string() })),
    history: z.array(
      z.object({
        id: z.uuid(), user: personSchema, degree: z.int(), previousDegree: z.int().nullable(), note: z.string().nullable(),
        by: personSchema.nullable(), at: z.string(),
      }),
    ).meta({ description: "Every change, newest first; append-only." }),
  })
  .meta({ id: "ContactRelationships" });
export type ContactRelationshipsOutput = z.output<typeof contactRelationshipsSchema>;

export const buyingCenterReplaceSchema = z
  .strictObject({
    contacts: z
      .array(z.strictObject({ contactId: idSchema, roles: rolesSchema.optional().meta({ description: "Roles in this deal; default the contact's roles." }) }))
      .max(300, { error: "At most 300 contacts." })
      .superRefine((rows, context) => {
        const seen = new Set<string>();
        rows.forEach((row, index) => {
          if (seen.has(row.contactId)) context.addIssue({ code: "custom", path: [index, "contactId"], message: "This contact is listed twice." });
          seen.add(row.contactId);
        });
      }),
  })
  .meta({ id: "BuyingCenterReplace" });
export type BuyingCenterReplace = z.output<typeof buyingCenterReplaceSchema>;

const redFlagSchema = z.object({ kind: z.enum(RED_FLAG_KINDS), message: z.string(), contactIds: z.array(z.uuid()) });

export const buyingCenterSchema = z
  .object({
    opportunityId: z.uuid(),
    accountId: z.uuid(),
    contacts: z.array(
      z.object({
        contactId: z.uuid(), name: z.string(), title: z.string().nullable(), level: contactLevelSchema.nullable(),
        stance: contactStanceSchema.nullable(), roles: z.array(contactRoleSchema),
        degree: z.int().meta({ description: "Strongest degree held by the deal's owner or project team." }),
      }),
    ),
    redFlags: z.array(redFlagSchema),
  })
  .meta({ id: "BuyingCenter" });
export type BuyingCenterOutput = z.output<typeof buyingCenterSchema>;

type OrgChartNodeShape = {
  id: string; name: string; title: string | null; department: string | null; level: ContactLevel | null; roles: ContactRole[];
  stance: ContactStance | null; relationship: number; reportsToId: string | null; reports: OrgChartNodeShape[];
};
const orgChartNodeSchema: z.ZodType<OrgChartNodeShape> = z.lazy(() =>
  z.object({
    id: z.uuid(), name: z.string(), title: z.string().nullable(), department: z.string().nullable(), level: contactLevelSchema.nullable(),
    roles: z.array(contactRoleSchema), stance: contactStanceSchema.nullable(), relationship: z.int(), reportsToId: z.uuid().nullable(),
    reports: z.array(orgChartNodeSchema),
  }).meta({ id: "OrgChartNode" }),
);
export const orgChartSchema = z.object({ accountId: z.uuid(), count: z.int(), roots: z.array(orgChartNodeSchema) }).meta({ id: "OrgChart" });
export type OrgChartOutput = { accountId: string; count: number; roots: OrgChartNodeShape[] };

export const fishingNetQuerySchema = z.strictObject({ opportunityId: idSchema.optional() });

export const fishingNetSchema = z
  .object({
    accountId: z.uuid(),
    opportunityId: z.uuid().nullable(),
    nodes: z.array(
      z.discriminatedUnion("side", [
        z.object({ side: z.literal("ours"), id: z.uuid(), name: z.string(), role: z.string().nullable() }),
        z.object({
          side: z.literal("theirs"), id: z.uuid(), name: z.string(), title: z.string().nullable(), level: contactLevelSchema.nullable(),
          roles: z.array(contactRoleSchema), stance: contactStanceSchema.nullable(), isGap: z.boolean(),
        }),
      ]),
    ),
    edges: z.array(z.object({ userId: z.uuid(), contactId: z.uuid(), degree: z.int() })),
    gaps: z.array(z.object({ kind: z.enum(GAP_KINDS), contactId: z.uuid().optional(), message: z.string() })),
  })
  .meta({ id: "FishingNet" });
export type FishingNetOutput = z.output<typeof fishingNetSchema>;

const localized = z.strictObject({
  en: z.string().trim().min(1, { error: "Required." }).max(200),
  "zh-CN": z.string().trim().min(1, { error: "Required." }).max(200),
});
const localizedHint = z.strictObject({ en: z.string().trim().max(500), "zh-CN": z.string().trim().max(500) });

export const profileTemplateSchema = z
  .strictObject({
    sections: z
      .array(z.strictObject({
        key: z.string().regex(PROFILE_SECTION_KEY, { error: "Lower-case letters, digits, - or _, starting with a letter." }),
        title: localized,
        hint: localizedHint.optional().default({ en: "", "zh-CN": "" }),
      }))
      .min(1, { error: "Keep at least one section." })
      .max(MAX_PROFILE_SECTIONS)
      .superRefine((rows, context) => {
        const seen = new Set<string>();
        rows.forEach((row, index) => {
          if (seen.has(row.key)) context.addIssue({ code: "custom", path: [index, "key"], message: "Keys must be unique." });
          seen.add(row.key);
        });
      }),
  })
  .meta({ id: "ProfileTemplate" });
export type ProfileTemplateInput = z.output<typeof profileTemplateSchema>;

export const accountProfileSaveSchema = z
  .strictObject({
    content: z.record(z.string().regex(PROFILE_SECTION_KEY), z.string().max(MAX_SECTION_TEXT, { error: `At most ${MAX_SECTION_TEXT} characters.` })),
    baseVersion: z.int().min(0).optional().meta({ description: "The version the edit started from; a newer stored version → 409." }),
  })
  .meta({ id: "AccountProfileSave" });
export type AccountProfileSave = z.output<typeof accountProfileSaveSchema>;

const sectionOutput = z.object({ key: z.string(), title: z.object({ en: z.string(), "zh-CN": z.string() }), hint: z.object({ en: z.string(), "zh-CN": z.string() }) });

export const accountProfileSchema = z
  .object({
    accountId: z.uuid(),
    sections: z.array(sectionOutput),
    version: z.int().meta({ description: "0 when never saved." }),
    content: z.record(z.string(), z.string()),
    savedBy: personSchema.nullable(),
    savedAt: z.string().nullable(),
    versions: z.array(z.object({ version: z.int(), savedBy: personSchema.nullable(), savedAt: z.string(), changed: z.array(z.string()) })),
  })
  .meta({ id: "AccountProfile" });
export type AccountProfileOutput = z.output<typeof accountProfileSchema>;
export const profileVersionQuerySchema = z.strictObject({ version: z.coerce.number().int().min(1).optional() });
