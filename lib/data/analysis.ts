// The analysis documents of a deal (issue 7): fishbone, SWOT/TOWS, competitors and positioning. Each is one
// JSON row per deal and kind, replaced as a whole. Whoever may see the deal may edit its analysis (the same
// rule as the deal itself); an invisible deal is NOT_FOUND. Stored JSON is re-read through the same zod schema,
// so a document that no longer parses is served as the empty default rather than crashing a page.
import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { defaultFishbone } from "@/lib/domain/fishbone";
import { AppError, type FieldError, invalid } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Ctx } from "@/lib/permissions";
import {
  competitorsSchema, type CompetitorsInput, fishboneSchema, type FishboneInput, positioningSchema, type PositioningInput,
  swotSchema, type SwotInput,
} from "@/lib/validations/analysis";
import { findVisibleDeal } from "./deal-access";
import { refreshDealHealth } from "./health";

export type AnalysisKind = "FISHBONE" | "SWOT" | "COMPETITORS" | "POSITIONING";
type Documents = { FISHBONE: FishboneInput; SWOT: SwotInput; COMPETITORS: CompetitorsInput; POSITIONING: PositioningInput };
export type AnalysisDocument<K extends AnalysisKind> = Omit<Documents[K], "version"> & { version: number };

const SCHEMAS: { [K in AnalysisKind]: z.ZodType<Documents[K]> } = {
  FISHBONE: fishboneSchema as z.ZodType<FishboneInput>,
  SWOT: swotSchema as z.ZodType<SwotInput>,
  COMPETITORS: competitorsSchema as z.ZodType<CompetitorsInput>,
  POSITIONING: positioningSchema as z.ZodType<PositioningInput>,
};

const emptyElement = { score: 0, note: "", confirmedAt: null };

function emptyDocument<K extends AnalysisKind>(kind: K, locale: string): Omit<Documents[K], "version"> {
  const empty: { [Key in AnalysisKind]: Omit<Documents[Key], "version"> } = {
    FISHBONE: defaultFishbone(locale) as FishboneInput,
    SWOT: { strengths: [], weaknesses: [], opportunities: [], threats: [], strategies: [] },
    COMPETITORS: { competitors: [] },
    POSITIONING: { need: emptyElement, budget: emptyElement, decisionChain: emptyElement, timeline: emptyElement },
  };
  return empty[kind];
}

/** Reads stored JSON; version 0 means "never saved" (the empty default). */
export function parseStoredDocument<K extends AnalysisKind>(kind: K, data: unknown, version: number, locale: string): AnalysisDocument<K> {
  const parsed = SCHEMAS[kind].safeParse(data);
  if (!parsed.success) return { ...emptyDocument(kind, locale), version } as AnalysisDocument<K>;
  const { version: _ignored, ...rest } = parsed.data as Documents[K] & { version?: number };
  return { ...rest, version } as AnalysisDocument<K>;
}

export async function getAnalysisDocument<K extends AnalysisKind>(ctx: Ctx, opportunityId: string, kind: K): Promise<AnalysisDocument<K>> {
  const deal = await findVisibleDeal(db, ctx, opportunityId);
  const row = await db.opportunityAnalysis.findUnique({ where: { opportunityId_kind: { opportunityId: deal.id, kind } } });
  if (!row) return { ...emptyDocument(kind, ctx.locale), version: 0 } as AnalysisDocument<K>;
  return parseStoredDocument(kind, row.data, row.version, ctx.locale);
}

/** Owners named in a document must be active users of the org; each offender is reported at its path. */
function ownerPaths(kind: AnalysisKind, document: Documents[AnalysisKind]): { path: string; ownerId: string }[] {
  if (kind === "FISHBONE") {
    return (document as FishboneInput).categories.flatMap((category, categoryIndex) =>
      category.causes.flatMap((cause, causeIndex) =>
        cause.ownerId ? [{ path: `categories.${categoryIndex}.causes.${causeIndex}.ownerId`, ownerId: cause.ownerId }] : []));
  }
  if (kind === "SWOT") {
    return (document as SwotInput).strategies.flatMap((strategy, index) =>
      strategy.ownerId ? [{ path: `strategies.${index}.ownerId`, ownerId: strategy.ownerId }] : []);
  }
  return [];
}

async function assertOwnersExist(ctx: Ctx, kind: AnalysisKind, document: Documents[AnalysisKind]) {
  const wanted = ownerPaths(kind, document);
  if (!wanted.length) return;
  const users = await db.user.findMany({
    where: { orgId: ctx.orgId, isActive: true, id: { in: [...new Set(wanted.map((item) => item.ownerId))] } }, select: { id: true },
  });
  const known = new Set(users.map((user) => user.id));
  const errors: FieldError[] = wanted.filter((item) => !known.has(item.ownerId)).map((item) => ({ path: item.path, message: "No such active user in your organization." }));
  if (errors.length) throw invalid(errors);
}

function staleDocument(currentVersion: number): AppError {
  return new AppError("CONFLICT", "This analysis was changed by someone else. Reload and try again.", { extensions: { currentVersion } });
}

/**
 * Replaces the document. With `version` (the one last read) a concurrent save is refused with 409 and the
 * current version; without it the save wins (API scripts that own the document).
 */
export async function saveAnalysisDocument<K extends AnalysisKind>(
  ctx: Ctx, opportunityId: string, kind: K, input: Documents[K],
): Promise<AnalysisDocument<K>> {
  const deal = await findVisibleDeal(db, ctx, opportunityId);
  await assertOwnersExist(ctx, kind, input);
  const { version: expected, ...data } = input as Documents[K] & { version?: number };
  const json = JSON.parse(JSON.stringify(data)) as Prisma.InputJsonValue;
  const key = { opportunityId_kind: { opportunityId: deal.id, kind } };
  const saved = await db.$transaction(async (tx) => {
    const current = await tx.opportunityAnalysis.findUnique({ where: key, select: { version: true } });
    const currentVersion = current?.version ?? 0;
    if (expected !== undefined && expected !== currentVersion) throw staleDocument(currentVersion);
    // The positioning scores feed the health score: the stored grade follows in this transaction.
    const rescore = async <T>(row: T) => {
      if (kind === "POSITIONING") await refreshDealHealth(tx, ctx.orgId, [deal.id]);
      return row;
    };
    if (!current) {
      return rescore(await tx.opportunityAnalysis.create({ data: { opportunityId: deal.id, kind, orgId: ctx.orgId, data: json, updatedById: ctx.userId } }));
    }
    const result = await tx.opportunityAnalysis.updateMany({
      where: { opportunityId: deal.id, kind, version: currentVersion },
      data: { data: json, version: { increment: 1 }, updatedById: ctx.userId },
    });
    if (result.count === 0) throw staleDocument((await tx.opportunityAnalysis.findUniqueOrThrow({ where: key })).version);
    return rescore(await tx.opportunityAnalysis.findUniqueOrThrow({ where: key }));
  });
  return parseStoredDocument(kind, saved.data, saved.version, ctx.locale);
}

/** The fishbones of the given deals (already visibility-checked by the caller), for overdue-action queries. */
export async function loadFishbones(ctx: Ctx, opportunityIds: readonly string[]): Promise<{ opportunityId: string; fishbone: FishboneInput }[]> {
  if (!opportunityIds.length) return [];
  const rows = await db.opportunityAnalysis.findMany({
    where: { orgId: ctx.orgId, kind: "FISHBONE", opportunityId: { in: [...opportunityIds] } },
  });
  return rows.map((row) => ({ opportunityId: row.opportunityId, fishbone: parseStoredDocument("FISHBONE", row.data, row.version, ctx.locale) }));
}
