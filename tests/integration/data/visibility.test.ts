// Who sees which opportunity, enforced in lib/data: REP their own; MANAGER own + managed teams'; ADMIN the
// whole org; nobody anything of another org. An invisible deal answers exactly like a missing one.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  deleteOpportunity, getOpportunity, listOpportunities, listOpportunityActivities, listOpportunityPage, listStageHistory,
  moveOpportunityToStage, updateOpportunity,
} from "@/lib/data/opportunities";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/permissions";
import { buildOpportunity } from "../../factories";
import { buildDataWorld, type DataWorld, expectAppError, snapshotDeal } from "./world";

let world: DataWorld;
beforeAll(async () => {
  world = await buildDataWorld();
});

type DealKey = keyof DataWorld["deals"];
const EXPECTED: Record<keyof DataWorld["ctx"], DealKey[]> = {
  rep: ["rep"],
  rep2: ["rep2"],
  rep3: ["rep3"],
  manager: ["rep", "rep2", "manager"],
  manager2: ["rep3", "manager2"],
  admin: ["rep", "rep2", "manager", "rep3", "manager2", "admin"],
  otherAdmin: ["other"],
  otherRep: ["other"],
};

async function listVisibleIds(ctx: Ctx): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listOpportunities(ctx, { limit: 200, cursor });
    ids.push(...page.data.map((deal) => deal.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

const worldDealIds = () => new Set(Object.values(world.deals).map((deal) => deal.id));

describe("opportunity visibility", () => {
  for (const [who, expected] of Object.entries(EXPECTED) as [keyof DataWorld["ctx"], DealKey[]][]) {
    it(`lists exactly what a ${who} may see`, async () => {
      const ids = (await listVisibleIds(world.ctx[who])).filter((id) => worldDealIds().has(id));
      expect(ids.sort()).toEqual(expected.map((key) => world.deals[key].id).sort());
    });

    it(`opens what a ${who} may see and answers NOT_FOUND for everything else`, async () => {
      for (const [key, deal] of Object.entries(world.deals) as [DealKey, { id: string }][]) {
        if (expected.includes(key)) {
          expect((await getOpportunity(world.ctx[who], deal.id)).id).toBe(deal.id);
        } else {
          await expectAppError(getOpportunity(world.ctx[who], deal.id), "NOT_FOUND");
        }
      }
    });
  }

  it("counts only visible deals in the paged list", async () => {
    const page = await listOpportunityPage(world.ctx.manager, { limit: 50, accountId: world.account.id }, 1);
    expect(page.total).toBe(3);
    expect(page.data.map((deal) => deal.ownerId).sort()).toEqual([world.users.manager.id, world.users.rep.id, world.users.rep2.id].sort());
  });

  it("answers an invisible deal exactly like a missing one, and like a malformed id", async () => {
    const invisible = await expectAppError(getOpportunity(world.ctx.rep2, world.deals.rep.id), "NOT_FOUND");
    const missing = await expectAppError(getOpportunity(world.ctx.rep2, randomUUID()), "NOT_FOUND");
    const otherOrg = await expectAppError(getOpportunity(world.ctx.admin, world.deals.other.id), "NOT_FOUND");
    const malformed = await expectAppError(getOpportunity(world.ctx.rep2, "not-a-uuid"), "NOT_FOUND");
    for (const error of [missing, otherOrg, malformed]) expect({ ...error, message: error.message }).toEqual({ ...invisible, message: invisible.message });
  });

  it("refuses every read and write on an invisible deal with NOT_FOUND and writes nothing", async () => {
    const target = world.deals.rep3;
    const before = await snapshotDeal(target.id);
    const rep = world.ctx.rep;
    await expectAppError(listStageHistory(rep, target.id), "NOT_FOUND");
    await expectAppError(listOpportunityActivities(rep, target.id), "NOT_FOUND");
    await expectAppError(updateOpportunity(rep, target.id, { name: "Hijacked", version: before.version }), "NOT_FOUND");
    await expectAppError(moveOpportunityToStage(rep, target.id, { to: "P3", version: before.version }), "NOT_FOUND");
    await expectAppError(deleteOpportunity(rep, target.id), "NOT_FOUND");
    await expectAppError(moveOpportunityToStage(world.ctx.otherAdmin, target.id, { to: "P3", version: before.version }), "NOT_FOUND");
    expect(await snapshotDeal(target.id)).toEqual(before);
  });

  it("hides a soft-deleted deal from everyone, its admin included", async () => {
    for (const ctx of [world.ctx.rep, world.ctx.manager, world.ctx.admin]) {
      await expectAppError(getOpportunity(ctx, world.deals.deleted.id), "NOT_FOUND");
      expect(await listVisibleIds(ctx)).not.toContain(world.deals.deleted.id);
    }
  });

  it("lets a manager see their own deal in a team they do not manage", async () => {
    const ownOutside = await buildOpportunity(db, {
      orgId: world.org.id, accountId: world.account.id, ownerId: world.users.manager2.id, teamId: world.north.id,
    });
    expect((await getOpportunity(world.ctx.manager2, ownOutside.id)).id).toBe(ownOutside.id);
    expect((await getOpportunity(world.ctx.manager, ownOutside.id)).id).toBe(ownOutside.id);
    await expectAppError(getOpportunity(world.ctx.rep, ownOutside.id), "NOT_FOUND");
  });
});
