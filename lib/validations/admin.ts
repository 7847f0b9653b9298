// Administration schemas (issue 4, "Admin settings"): users, teams, the org's lists, the audit-log filters
// and organization sign-up — shared by the admin forms, their server actions and REST API v1.
import { z } from "zod";
import { LIST_ITEM_KEY_PATTERN, ORG_LIST_KEYS } from "@/lib/domain/org-lists";
import { currencySchema, dateSchema, idSchema } from "./common";

/** bcrypt reads at most 72 bytes; 128 characters keeps hashing cheap while allowing long passphrases. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, { error: `At least ${PASSWORD_MIN} characters.` })
  .max(PASSWORD_MAX, { error: `At most ${PASSWORD_MAX} characters.` });

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, { error: "At most 320 characters." })
  .pipe(z.email({ error: "Enter a valid email address." }));

const nameSchema = z.string().trim().min(1, { error: "Name is required." }).max(200, { error: "At most 200 characters." });

export const roleSchema = z.enum(["REP", "MANAGER", "ADMIN"], { error: "Choose a role." });
export const teamKindSchema = z.enum(["PRODUCT", "CUSTOMER_GROUP", "REGION"], { error: "Choose a kind." });
export const orgListSchema = z.enum(ORG_LIST_KEYS, { error: "Unknown list." });

const idListSchema = z.array(idSchema).max(200, { error: "At most 200 entries." });

// ── Users ────────────────────────────────────────────────────────────────────────────────────────────
export const userCreateSchema = z
  .strictObject({
    name: nameSchema,
    email: emailSchema,
    role: roleSchema,
    teamIds: idListSchema.optional(),
    password: passwordSchema,
  })
  .meta({ id: "AdminUserCreate", description: "No email is sent: hand the initial password to the person yourself." });

export const userUpdateSchema = z
  .strictObject({ name: nameSchema.optional(), role: roleSchema.optional(), teamIds: idListSchema.optional() })
  .meta({ id: "AdminUserUpdate", description: "Changes name, role and teams; teamIds replaces the whole membership." });

export const reassignDealsSchema = z.strictObject({ toUserId: idSchema }).meta({ id: "AdminReassignDeals" });

export const userOutputSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    role: roleSchema,
    isActive: z.boolean(),
    teams: z.array(z.object({ id: z.uuid(), name: z.string() })),
    openDealCount: z.int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "AdminUser" });

export const userListSchema = z.object({ data: z.array(userOutputSchema) }).meta({ id: "AdminUserList" });

export const reassignResultSchema = z
  .object({ moved: z.int(), opportunityIds: z.array(z.uuid()) })
  .meta({ id: "AdminReassignResult", description: "The open deals that changed owner (each version + 1)." });

// ── Teams ────────────────────────────────────────────────────────────────────────────────────────────
export const teamCreateSchema = z
  .strictObject({
    name: z.string().trim().min(1, { error: "Name is required." }).max(100, { error: "At most 100 characters." }),
    kind: teamKindSchema,
    managerId: idSchema.nullable().optional(),
    memberIds: idListSchema.optional(),
  })
  .meta({ id: "AdminTeamCreate", description: "The manager is a MANAGER or ADMIN of the org and always a member." });

export const teamUpdateSchema = teamCreateSchema.partial().meta({ id: "AdminTeamUpdate" });

export const teamOutputSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: teamKindSchema,
    manager: z.object({ id: z.uuid(), name: z.string(), isActive: z.boolean() }).nullable(),
    members: z.array(z.object({ id: z.uuid(), name: z.string(), isActive: z.boolean() })),
    createdAt: z.string(),
  })
  .meta({ id: "AdminTeam" });

export const teamListSchema = z.object({ data: z.array(teamOutputSchema) }).meta({ id: "AdminTeamList" });

// ── Lists ────────────────────────────────────────────────────────────────────────────────────────────
const labelSchema = (language: string) =>
  z
    .string({ error: `The ${language} label is required.` })
    .trim()
    .min(1, { error: `The ${language} label is required.` })
    .max(120, { error: "At most 120 characters." });

export const listItemCreateSchema = z
  .strictObject({
    list: orgListSchema,
    /** Derived from the English label when omitted. */
    key: z
      .string()
      .trim()
      .regex(LIST_ITEM_KEY_PATTERN, { error: "Use capital letters, digits and _ (at most 60)." })
      .optional(),
    labelEn: labelSchema("English"),
    labelZh: labelSchema("Chinese"),
  })
  .meta({ id: "AdminListItemCreate", description: "Both labels are required; the key never changes once created." });

export const listItemUpdateSchema = z
  .strictObject({ labelEn: labelSchema("English").optional(), labelZh: labelSchema("Chinese").optional(), active: z.boolean().optional() })
  .meta({ id: "AdminListItemUpdate" });

export const listReorderSchema = z
  .strictObject({ list: orgListSchema, ids: z.array(idSchema).min(1).max(500) })
  .meta({ id: "AdminListReorder", description: "Every item of the list, in the new order." });

export const listQuerySchema = z.strictObject({ list: orgListSchema.optional() });

export const listItemOutputSchema = z
  .object({
    id: z.uuid(),
    list: orgListSchema,
    key: z.string(),
    labelEn: z.string(),
    labelZh: z.string(),
    order: z.int(),
    active: z.boolean(),
    updatedAt: z.string(),
  })
  .meta({ id: "AdminListItem" });

export const listItemListSchema = z.object({ data: z.array(listItemOutputSchema) }).meta({ id: "AdminListItemList" });

// ── Audit log ────────────────────────────────────────────────────────────────────────────────────────
export const auditQuerySchema = z.strictObject({
  action: z.string().trim().max(80).optional(),
  entityType: z.string().trim().max(60).optional(),
  actorId: idSchema.optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
});

// ── Organization sign-up ─────────────────────────────────────────────────────────────────────────────
export const signupSchema = z
  .strictObject({
    orgName: z.string().trim().min(1, { error: "Name is required." }).max(200, { error: "At most 200 characters." }),
    baseCurrency: currencySchema,
    name: nameSchema,
    email: emailSchema,
    password: passwordSchema,
    locale: z.enum(["en", "zh-CN"]).optional(),
  })
  .meta({ id: "Signup", description: "A new organization and its first administrator." });

export const signupResultSchema = z
  .object({ orgId: z.uuid(), userId: z.uuid(), email: z.string() })
  .meta({ id: "SignupResult", description: "Sign in with the email and password just chosen." });

export type UserCreate = z.output<typeof userCreateSchema>;
export type UserUpdate = z.output<typeof userUpdateSchema>;
export type UserOutput = z.output<typeof userOutputSchema>;
export type TeamCreate = z.output<typeof teamCreateSchema>;
export type TeamUpdate = z.output<typeof teamUpdateSchema>;
export type TeamOutput = z.output<typeof teamOutputSchema>;
export type ListItemCreate = z.output<typeof listItemCreateSchema>;
export type ListItemUpdate = z.output<typeof listItemUpdateSchema>;
export type ListItemOutput = z.output<typeof listItemOutputSchema>;
export type ListReorder = z.output<typeof listReorderSchema>;
export type AuditFilters = z.output<typeof auditQuerySchema>;
export type Signup = z.output<typeof signupSchema>;
