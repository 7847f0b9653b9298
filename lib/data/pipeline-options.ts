// Choices for the board's filter bar, limited to what the caller can use: a REP filters only their own
// deals (no owner or team choice), a MANAGER the people and teams they reach, an ADMIN the whole org.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Ctx } from "@/lib/permissions";
import { listOrgTeams, listOrgUsers } from "./users";

export type FilterOption = { value: string; label: string };

export type PipelineFilterOptions = {
  owners: FilterOption[];
  teams: FilterOption[];
  productLines: string[];
  segments: string[];
  regions: string[];
};

const MAX_CHOICES = 200;

/** Distinct non-empty values (in SQL: there may be 100,000 deals); deals' product lines, accounts' segments and regions. */
async function listDistinctValues(ctx: Ctx) {
  const [productLines, segments, regions] = await Promise.all([
    db.$queryRaw<{ value: string }[]>(Prisma.sql`
      SELECT DISTINCT "productLine" AS value FROM "Opportunity"
      WHERE "orgId" = ${ctx.orgId}::uuid AND "deletedAt" IS NULL AND "productLine" IS NOT NULL ORDER BY 1 LIMIT ${MAX_CHOICES}`),
    db.$queryRaw<{ value: string }[]>(Prisma.sql`
      SELECT DISTINCT segment AS value FROM "Account"
      WHERE "orgId" = ${ctx.orgId}::uuid AND "deletedAt" IS NULL AND segment IS NOT NULL ORDER BY 1 LIMIT ${MAX_CHOICES}`),
    db.$queryRaw<{ value: string }[]>(Prisma.sql`
      SELECT DISTINCT region AS value FROM "Account"
      WHERE "orgId" = ${ctx.orgId}::uuid AND "deletedAt" IS NULL AND region IS NOT NULL ORDER BY 1 LIMIT ${MAX_CHOICES}`),
  ]);
  const values = (rows: { value: string }[]) => rows.map((row) => row.value);
  return { productLines: values(productLines), segments: values(segments), regions: values(regions) };
}

export async function listPipelineFilterOptions(ctx: Ctx): Promise<PipelineFilterOptions> {
  const [values, users, teams] = await Promise.all([
    listDistinctValues(ctx),
    ctx.role === "REP" ? Promise.resolve([]) : listOrgUsers(ctx),
    ctx.role === "REP" ? Promise.resolve([]) : listOrgTeams(ctx),
  ]);
  const reach = new Set([...ctx.teamIds, ...ctx.managedTeamIds]);
  const owners = users.filter(
    (user) => ctx.role === "ADMIN" || user.id === ctx.userId || user.memberships.some((membership) => ctx.managedTeamIds.includes(membership.teamId)),
  );
  return {
    ...values,
    owners: owners.map((user) => ({ value: user.id, label: user.name })),
    teams: teams.filter((team) => ctx.role === "ADMIN" || reach.has(team.id)).map((team) => ({ value: team.id, label: team.name })),
  };
}
