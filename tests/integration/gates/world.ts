// Shared set-up for the stage-gate tests: one org (admin; team North: manager, rep, rep2; team South:
// manager2, rep3) with bearer tokens and contexts, a second org, file storage in a temporary directory,
// and helpers to add criteria, build deals and move them through the one stage-move path.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { db } from "@/lib/db";
import { createGateCriterion } from "@/lib/data/gates";
import { moveOpportunityToStage } from "@/lib/data/opportunities";
import type { StageKey } from "@/lib/domain/stages";
import type { Ctx } from "@/lib/permissions";
import { createLocalStorage } from "@/lib/storage/local";
import { setFileStorage } from "@/lib/storage";
import type { GateCriterionInput } from "@/lib/validations/gates";
import type { StageMove } from "@/lib/validations/opportunity";
import { buildOpportunity } from "../../factories";
import { buildApiWorld, contextOf } from "../api/helpers";

export function useTemporaryFileStorage(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "crm-gate-files-"));
  setFileStorage(createLocalStorage(dir));
  return dir;
}

export async function buildGateWorld() {
  const world = await buildApiWorld();
  const ctx = {
    admin: await contextOf(world.admin.id),
    manager: await contextOf(world.manager.id),
    rep: await contextOf(world.rep.id),
    rep2: await contextOf(world.rep2.id),
    manager2: await contextOf(world.manager2.id),
    rep3: await contextOf(world.rep3.id),
    otherAdmin: await contextOf(world.otherAdmin.id),
  };

  /** A deal of the rep in team North (or of `owner` in `teamId`) at `stage`, entered `minutesAgo` ago. */
  const deal = (stage: StageKey = "P1", options: { ownerId?: string; teamId?: string; productLine?: string | null; amount?: string; minutesAgo?: number } = {}) => {
    const createdAt = new Date(Date.now() - (options.minutesAgo ?? 60) * 60_000);
    return buildOpportunity(db, {
      orgId: world.org.id, accountId: world.account.id, ownerId: options.ownerId ?? world.rep.id, teamId: options.teamId ?? world.north.id,
      stage, productLine: options.productLine === undefined ? "Cloud ERP" : options.productLine, amount: options.amount ?? "100000.00", createdAt,
    });
  };

  const criterion = (input: Partial<GateCriterionInput> & Pick<GateCriterionInput, "stage" | "kind">) =>
    createGateCriterion(ctx.admin, {
      label: { en: `${input.kind} for ${input.stage}`, "zh-CN": `${input.stage} 的 ${input.kind}` }, config: {}, mode: "BLOCK", ...input,
    });

  const move = async (who: Ctx, id: string, to: StageKey, extra: Pick<StageMove, "reason" | "lossReason" | "closeOut"> = {}) => {
    const { version } = await db.opportunity.findUniqueOrThrow({ where: { id }, select: { version: true } });
    return moveOpportunityToStage(who, id, { to, version, ...extra });
  };

  return { ...world, ctx, deal, criterion, move };
}

export type GateWorld = Awaited<ReturnType<typeof buildGateWorld>>;

/** Logs an activity of `type` on the deal, as having happened `minutesAgo` ago (default now). */
export async function logActivity(world: GateWorld, opportunityId: string, type: string, minutesAgo = 0) {
  return db.activity.create({
    data: {
      orgId: world.org.id, accountId: world.account.id, opportunityId, userId: world.rep.id, type, subject: `${type} with the customer`,
      occurredAt: new Date(Date.now() - minutesAgo * 60_000),
    },
  });
}
