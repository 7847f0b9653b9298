// Admin configuration of stage gates: the entry criteria of each stage. Every change is audited with its
// before and after. A deleted criterion is deactivated, so the ticks and exceptions that name it keep their
// meaning; enforcement reads active criteria only (lib/data/gate-enforcement.ts).
import "server-only";
import { db, type Tx } from "@/lib/db";
import { sortCriteria } from "@/lib/domain/gate-moves";
import type { GateCriterion } from "@/lib/domain/gates";
import type { StageKey } from "@/lib/domain/stages";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, type Ctx } from "@/lib/permissions";
import type { GateCriterionInput, GateCriterionOutput } from "@/lib/validations/gates";
import { assertActiveActivityType } from "./activity-types";
import { recordAudit } from "./audit";
import { toGateCriterion } from "./gate-enforcement";
import { isUuid } from "./pagination";
import type { AuditMeta } from "./stage-config";
import { ORG_REFRESH_TIMEOUT_MS, refreshOrgHealth } from "./health";

type CriterionRow = Prisma.GateCriterionGetPayload<object>;

function toCriterionOutput(row: CriterionRow): GateCriterionOutput {
  return {
    id: row.id,
    stage: row.stage as StageKey,
    kind: row.kind,
    label: { en: row.labelEn, "zh-CN": row.labelZh },
    config: (row.config ?? {}) as Record<string, unknown>,
    mode: row.mode,
    order: row.order,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The org's active criteria in stage order, then the admin's order. ADMIN only (deals use getOpportunityGates). */
export async function listGateCriteria(ctx: Ctx, filter: { stage?: StageKey } = {}): Promise<GateCriterionOutput[]> {
  assertCan(ctx, "gates.configure");
  const rows = await db.gateCriterion.findMany({ where: { orgId: ctx.orgId, active: true, ...(filter.stage ? { stage: filter.stage } : {}) } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return sortCriteria(rows.map(toGateCriterion)).map((criterion: GateCriterion) => toCriterionOutput(byId.get(criterion.id)!));
}

const activityTypeOf = (config: unknown) => (config as { activityType?: unknown } | null)?.activityType;

/**
 * Kind-specific checks that need more than the config's shape. An ACTIVITY criterion names one of the org's
 * active activity types; a criterion that already names a type since switched off may keep it when edited.
 */
async function assertConfigFits(tx: Tx, ctx: Ctx, input: GateCriterionInput, current?: CriterionRow) {
  if (input.kind !== "ACTIVITY") return;
  const type = activityTypeOf(input.config);
  if (current?.kind === "ACTIVITY" && activityTypeOf(current.config) === type) return;
  await assertActiveActivityType(tx, ctx, String(type), "config.activityType");
}

function rowData(input: GateCriterionInput) {
  return {
    stage: input.stage,
    kind: input.kind,
    labelEn: input.label.en,
    labelZh: input.label["zh-CN"],
    config: input.config as Prisma.InputJsonValue,
    mode: input.mode,
  };
}

async function nextOrder(tx: Tx, orgId: string, stage: StageKey): Promise<number> {
  const last = await tx.gateCriterion.findFirst({ where: { orgId, stage, active: true }, orderBy: { order: "desc" }, select: { order: true } });
  return last ? last.order + 1 : 0;
}

export async function createGateCriterion(ctx: Ctx, input: GateCriterionInput, meta: AuditMeta = {}): Promise<GateCriterionOutput> {
  assertCan(ctx, "gates.configure");
  return db.$transaction(async (tx) => {
    await assertConfigFits(tx, ctx, input);
    const order = input.order ?? (await nextOrder(tx, ctx.orgId, input.stage));
    const row = await tx.gateCriterion.create({ data: { ...rowData(input), order, orgId: ctx.orgId } });
    const after = toCriterionOutput(row);
    await recordAudit(tx, ctx, { action: "gate.create", entityType: "GateCriterion", entityId: row.id, after, ip: meta.ip });
    await refreshOrgHealth(tx, ctx.orgId);
    return after;
  }, { timeout: ORG_REFRESH_TIMEOUT_MS });
}

async function findActiveCriterion(tx: Tx, ctx: Ctx, id: string): Promise<CriterionRow> {
  if (!isUuid(id)) throw notFound("Gate criterion");
  const row = await tx.gateCriterion.findFirst({ where: { id, orgId: ctx.orgId, active: true } });
  if (!row) throw notFound("Gate criterion");
  return row;
}

/** Replaces a criterion's definition (PUT); moving it to another stage appends it there unless `order` is given. */
export async function updateGateCriterion(ctx: Ctx, id: string, input: GateCriterionInput, meta: AuditMeta = {}): Promise<GateCriterionOutput> {
  assertCan(ctx, "gates.configure");
  return db.$transaction(async (tx) => {
    const current = await findActiveCriterion(tx, ctx, id);
    await assertConfigFits(tx, ctx, input, current);
    const order = input.order ?? (input.stage === current.stage ? current.order : await nextOrder(tx, ctx.orgId, input.stage));
    const row = await tx.gateCriterion.update({ where: { id }, data: { ...rowData(input), order } });
    const after = toCriterionOutput(row);
    await recordAudit(tx, ctx, {
      action: "gate.update", entityType: "GateCriterion", entityId: id, before: toCriterionOutput(current), after, ip: meta.ip,
    });
    // What counts as "gates met" changed for every deal: their stored health follows in this transaction.
    await refreshOrgHealth(tx, ctx.orgId);
    return after;
  }, { timeout: ORG_REFRESH_TIMEOUT_MS });
}

export async function deleteGateCriterion(ctx: Ctx, id: string, meta: AuditMeta = {}): Promise<void> {
  assertCan(ctx, "gates.configure");
  await db.$transaction(async (tx) => {
    const current = await findActiveCriterion(tx, ctx, id);
    await tx.gateCriterion.update({ where: { id }, data: { active: false } });
    await recordAudit(tx, ctx, { action: "gate.delete", entityType: "GateCriterion", entityId: id, before: toCriterionOutput(current), ip: meta.ip });
    await refreshOrgHealth(tx, ctx.orgId);
  }, { timeout: ORG_REFRESH_TIMEOUT_MS });
}
