// The org's activity types: the built-in registry (lib/domain/activities.ts) as adjusted by the org's
// ACTIVITY_TYPE list, which admins edit in /admin/lists. Activity logging and ACTIVITY gate criteria accept
// only the active ones; timelines and criteria name any known one in the reader's language.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { type ActivityTypeRegistry, type OrgActivityTypes, resolveOrgActivityTypes } from "@/lib/domain/activities";
import { invalid } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { LocalizedText } from "@/lib/domain/stages";
import type { Ctx } from "@/lib/permissions";

type Client = Tx | typeof db;

export async function getOrgActivityTypes(ctx: Pick<Ctx, "orgId">, client: Client = db): Promise<OrgActivityTypes> {
  const items = await client.orgListItem.findMany({
    where: { orgId: ctx.orgId, list: "ACTIVITY_TYPE" },
    select: { key: true, labelEn: true, labelZh: true, active: true },
    orderBy: [{ order: "asc" }, { labelEn: "asc" }],
  });
  return resolveOrgActivityTypes(items);
}

/** Refuses (422 on `path`) a type the org does not offer: unknown, or switched off by an admin. Returns the org's types. */
export async function assertActiveActivityType(client: Client, ctx: Pick<Ctx, "orgId">, type: string, path: string): Promise<OrgActivityTypes> {
  return assertOfferedType(await getOrgActivityTypes(ctx, client), type, path);
}

/** The same refusal over types the caller has already read. */
export function assertOfferedType(types: OrgActivityTypes, type: string, path: string): OrgActivityTypes {
  if (!types.active.some((definition) => definition.key === type)) throw invalid([{ path, message: "Unknown activity type." }]);
  return types;
}

/**
 * The org's ACTIVITY_TYPE items as one JSON array, in getOrgActivityTypes's order, for a statement that reads
 * them with other things (a write's health refresh, logging an activity); `orgId` is the SQL naming the org.
 */
export function activityTypeItemsJsonSql(orgId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT COALESCE(json_agg(json_build_object('key', i.key, 'labelEn', i."labelEn", 'labelZh', i."labelZh", 'active', i.active)
      ORDER BY i."order", i."labelEn"), '[]')
      FROM "OrgListItem" i WHERE i."orgId" = ${orgId} AND i.list = 'ACTIVITY_TYPE')`;
}

/** Names by key, for labelling activities and criteria. */
export function activityTypeNames(registry: ActivityTypeRegistry): Map<string, LocalizedText> {
  return new Map(registry.map((definition) => [definition.key, definition.name]));
}
