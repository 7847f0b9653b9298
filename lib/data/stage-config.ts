// The org's effective stage table: the defaults of lib/domain/stages.ts merged with the org's StageSetting
// rows. Read on every call with one query — no in-process cache, so several app instances never disagree
// after an admin's change. A probability change applies to later moves only: each StageChange row keeps
// the probability in force when it was written.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { isDecisionStageKey } from "@/lib/domain/decision-cycle";
import {
  listStages, resolveStageTable, type StageDefinition, type StageKey, type StageOverride, type StageTable, validateStageOverrides,
} from "@/lib/domain/stages";
import { AppError, invalid } from "@/lib/errors";
import { Decimal } from "@/lib/domain/money";
import { Prisma, type StageSetting } from "@/lib/generated/prisma/client";
import { assertCan, type Ctx } from "@/lib/permissions";
import type { StageSettingOutput, StageSettingUpdate } from "@/lib/validations/stage-config";
import { recordAudit } from "./audit";

/** A stored row with its probability as an exact decimal string; null members keep the default. */
type SettingValues = Omit<StageSetting, "orgId" | "updatedAt" | "probability"> & { probability: string | null };
type OverriddenMember = StageSettingOutput["overridden"][number];

function toValues(row: StageSetting): SettingValues {
  return { ...row, probability: row.probability === null ? null : row.probability.toString() };
}

function toOverride(row: SettingValues): StageOverride {
  const override: StageOverride = {};
  if (row.nameEn !== null && row.nameZh !== null) override.name = { en: row.nameEn, "zh-CN": row.nameZh };
  if (row.probability !== null) override.probability = row.probability;
  if (row.maxDaysInStage !== null) override.maxDaysInStage = row.maxDaysInStage;
  if (row.expectedDecisionStage !== null && isDecisionStageKey(row.expectedDecisionStage)) {
    override.expectedDecisionStage = row.expectedDecisionStage;
  }
  if (row.guidanceEn !== null && row.guidanceZh !== null) override.guidance = { en: row.guidanceEn, "zh-CN": row.guidanceZh };
  return override;
}

function toOverrides(rows: readonly SettingValues[]): Partial<Record<StageKey, StageOverride>> {
  return Object.fromEntries(rows.map((row) => [row.stage, toOverride(row)]));
}

/**
 * The org's StageSetting rows as one JSON array, for a statement that reads the table along with other things
 * (the API token check, the health refresh); `orgId` is the SQL naming the org. stageTableFromSettings reads it.
 */
export function stageSettingsJsonSql(orgId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT COALESCE(json_agg(json_build_object('stage', ss.stage, 'nameEn', ss."nameEn", 'nameZh', ss."nameZh",
      'probability', ss.probability::text, 'maxDaysInStage', ss."maxDaysInStage", 'expectedDecisionStage', ss."expectedDecisionStage",
      'guidanceEn', ss."guidanceEn", 'guidanceZh', ss."guidanceZh")), '[]')
    FROM "StageSetting" ss WHERE ss."orgId" = ${orgId})`;
}

export type StageSettingJson = SettingValues;

/** The table from stageSettingsJsonSql's array (probabilities as PostgreSQL prints them, normalised as the ORM does). */
export function stageTableFromSettings(rows: readonly StageSettingJson[]): StageTable {
  return resolveStageTable(toOverrides(rows.map((row) => ({
    ...row, probability: row.probability === null ? null : new Decimal(row.probability).toString(),
  }))));
}

/**
 * The org's table, read now — or, with no `client`, the one the request's authentication already read in its
 * own statement (ctx.stageTable, lib/data/tokens.ts): read once per request, never kept across requests.
 */
export async function getStageTable(ctx: Pick<Ctx, "orgId" | "stageTable">, client?: Tx | typeof db): Promise<StageTable> {
  if (!client && ctx.stageTable) return ctx.stageTable;
  const rows = await (client ?? db).stageSetting.findMany({ where: { orgId: ctx.orgId } });
  return resolveStageTable(toOverrides(rows.map(toValues)));
}

function toSettingOutput(definition: StageDefinition, override: StageOverride | undefined): StageSettingOutput {
  const overridden = (["name", "probability", "maxDaysInStage", "expectedDecisionStage", "guidance"] as const)
    .filter((member): member is OverriddenMember => override?.[member] !== undefined);
  return {
    key: definition.key,
    order: definition.order,
    name: definition.name,
    probability: definition.probability,
    maxDaysInStage: definition.maxDaysInStage,
    expectedDecisionStage: definition.expectedDecisionStage,
    guidance: definition.guidance.here,
    isClosed: definition.isClosed,
    isWon: definition.isWon,
    isProbabilityFixed: definition.key === "P7" || definition.key === "LOST",
    overridden,
  };
}

/** Every stage with its effective settings and which of them the org overrides. ADMIN only. */
export async function listStageSettings(ctx: Ctx): Promise<StageSettingOutput[]> {
  assertCan(ctx, "gates.configure");
  const rows = await db.stageSetting.findMany({ where: { orgId: ctx.orgId } });
  const overrides = toOverrides(rows.map(toValues));
  return listStages(resolveStageTable(overrides)).map((definition) => toSettingOutput(definition, overrides[definition.key]));
}

/** undefined keeps the stored value, null resets to the default. */
function mergeValues(current: SettingValues | undefined, key: StageKey, input: StageSettingUpdate): SettingValues {
  const keep = <T>(next: T | null | undefined, stored: T | null): T | null => (next === undefined ? stored : next);
  return {
    stage: key,
    nameEn: input.name === undefined ? (current?.nameEn ?? null) : (input.name?.en ?? null),
    nameZh: input.name === undefined ? (current?.nameZh ?? null) : (input.name?.["zh-CN"] ?? null),
    probability: keep(input.probability, current?.probability ?? null),
    maxDaysInStage: keep(input.maxDaysInStage, current?.maxDaysInStage ?? null),
    expectedDecisionStage: keep(input.expectedDecisionStage, current?.expectedDecisionStage ?? null),
    guidanceEn: input.guidance === undefined ? (current?.guidanceEn ?? null) : (input.guidance?.en ?? null),
    guidanceZh: input.guidance === undefined ? (current?.guidanceZh ?? null) : (input.guidance?.["zh-CN"] ?? null),
  };
}

export type AuditMeta = { ip?: string | null };

/**
 * Changes one stage's settings. The whole table is validated with the change (probabilities in [0, 1],
 * non-decreasing P0 → P7, P7 100% and LOST 0% fixed) → 422 otherwise; audited with before and after.
 */
export async function updateStageSetting(ctx: Ctx, key: StageKey, input: StageSettingUpdate, meta: AuditMeta = {}): Promise<StageSettingOutput> {
  assertCan(ctx, "gates.configure");
  if ((key === "P7" || key === "LOST") && input.probability !== undefined && input.probability !== null) {
    throw invalid([{ path: "probability", message: key === "P7" ? "P7 (won) is fixed at 100%." : "LOST is fixed at 0%." }]);
  }
  if ((key === "P7" || key === "LOST") && input.maxDaysInStage !== undefined && input.maxDaysInStage !== null) {
    throw invalid([{ path: "maxDaysInStage", message: "A closed stage has no time limit." }]);
  }
  return db.$transaction(async (tx) => {
    // One admin change at a time per org: the monotone check reads every stage, so concurrent edits of two
    // stages must not both pass against the old values.
    await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${ctx.orgId}::uuid FOR UPDATE`;
    const rows = (await tx.stageSetting.findMany({ where: { orgId: ctx.orgId } })).map(toValues);
    const current = rows.find((row) => row.stage === key);
    const { stage: _stage, ...next } = mergeValues(current, key, input);
    const before = toOverrides(rows);
    const after = { ...before, [key]: toOverride({ ...next, stage: key }) };
    const issues = validateStageOverrides(after);
    if (issues.length) {
      throw new AppError("VALIDATION", "The stage configuration is invalid.", {
        errors: issues.map((issue) => ({ path: issue.field, message: `${issue.stage}: ${issue.message}` })),
      });
    }
    await tx.stageSetting.upsert({
      where: { orgId_stage: { orgId: ctx.orgId, stage: key } },
      create: { ...next, orgId: ctx.orgId, stage: key },
      update: next,
    });
    const beforeOutput = toSettingOutput(resolveStageTable(before)[key], before[key]);
    const afterOutput = toSettingOutput(resolveStageTable(after)[key], after[key]);
    await recordAudit(tx, ctx, {
      action: "stage.update", entityType: "Stage", entityId: key, before: beforeOutput, after: afterOutput, ip: meta.ip,
    });
    return afterOutput;
  });
}
