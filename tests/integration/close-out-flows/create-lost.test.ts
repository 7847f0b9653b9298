// A deal created directly at LOST needs the same complete close-out review as a move to LOST: carried by the
// create input (closeOut) and written in the creating transaction; without it — or with it incomplete — the
// API answers 422 problem+json with the move's field errors, and nothing is created. The rule lives in
// enforceCloseOutAtCreation (lib/data/close-out.ts), which createOpportunity calls.
import { beforeAll, describe, expect, it } from "vitest";
import * as opportunitiesRoute from "@/app/api/v1/opportunities/route";
import { createOpportunity } from "@/lib/data/opportunities";
import { db } from "@/lib/db";
import type { OpportunityOutput } from "@/lib/validations/opportunity";
import { call, contextOf, expectProblem, type ApiWorld } from "../api/helpers";
import { buildCloseOutWorld, completeReview } from "./world";

let world: ApiWorld;
beforeAll(async () => {
  world = await buildCloseOutWorld();
});

let serial = 0;
const body = (overrides: Record<string, unknown> = {}) => ({
  name: `Created lost ${++serial}`, accountId: world.account.id, amount: "5000.00", expectedCloseDate: "2027-06-30", stage: "LOST", ...overrides,
});
const create = (token: string, input: unknown) => call<OpportunityOutput>(opportunitiesRoute.POST, { method: "POST", token, body: input });
const dealsNamed = (name: string) => db.opportunity.count({ where: { orgId: world.org.id, name } });

describe("creating a deal at LOST", () => {
  it("is refused without a review, even with a loss reason: 422 with each missing part, and no deal", async () => {
    for (const input of [body(), body({ lossReason: "Lost on price" })]) {
      const problem = expectProblem(await create(world.rep.token, input), 422);
      expect(problem.errors).toEqual([
        { path: "closeOut.primaryReason", message: "Pick the primary loss reason.", kind: "CLOSE_OUT" },
        { path: "closeOut.lessons", message: "Write the lessons learned.", kind: "CLOSE_OUT" },
      ]);
      expect(await dealsNamed(input.name)).toBe(0);
    }
  });

  it("is refused with an incomplete review the way a move is: the winner for a competition reason, an inactive reason", async () => {
    const competition = body({ closeOut: completeReview({ primaryReason: "COMPETITOR_RELATIONSHIP", secondaryReasons: [] }) });
    expect(expectProblem(await create(world.rep.token, competition), 422).errors).toEqual([
      { path: "closeOut.winnerCompetitor", message: "Name the competitor who won (the primary reason is the competition).", kind: "CLOSE_OUT" },
    ]);
    const retired = body({ closeOut: completeReview({ primaryReason: "RETIRED", secondaryReasons: [] }) });
    expect(expectProblem(await create(world.rep.token, retired), 422).errors).toEqual([{ path: "closeOut.primaryReason", message: "Pick a reason from the list." }]);
    const blankLessons = body({ closeOut: completeReview({ lessons: "" }) });
    expect(expectProblem(await create(world.rep.token, blankLessons), 422).errors?.map((error) => error.path)).toEqual(["closeOut.lessons"]);
    for (const input of [competition, retired, blankLessons]) expect(await dealsNamed(input.name)).toBe(0);
  });

  it("creates the deal with its review in one transaction; the loss reason is the primary reason's label unless given", async () => {
    const response = await create(world.rep.token, body({ closeOut: completeReview({ primaryReason: "COMPETITOR_RELATIONSHIP", secondaryReasons: [], winnerCompetitor: "Rival Co" }) }));
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ stage: "LOST", probability: 0, lossReason: "Competitor relationship" });
    const review = await db.closeOutReview.findUniqueOrThrow({ where: { opportunityId: response.body.id } });
    expect(review).toMatchObject({ outcome: "LOST", primaryReason: "COMPETITOR_RELATIONSHIP", winnerCompetitor: "Rival Co", authorId: world.rep.id, orgId: world.org.id });
    const history = await db.stageChange.findMany({ where: { opportunityId: response.body.id } });
    expect(history.map((change) => [change.fromStage, change.toStage, change.lossReason])).toEqual([[null, "LOST", "Competitor relationship"]]);

    const worded = await create(world.rep.token, body({ lossReason: "Budget frozen by the board", closeOut: completeReview() }));
    expect(worded.status).toBe(201);
    expect(worded.body.lossReason).toBe("Budget frozen by the board");
  });

  it("refuses a review with any other stage (422 on closeOut), and creates other stages without one", async () => {
    const misplaced = body({ stage: "P0", closeOut: completeReview() });
    expect(expectProblem(await create(world.rep.token, misplaced), 422).errors).toEqual([{ path: "closeOut", message: "A close-out review goes only with a deal created at LOST." }]);
    expect(await dealsNamed(misplaced.name)).toBe(0);
    const open = await create(world.rep.token, body({ stage: "P0" }));
    expect(open.status).toBe(201);
    expect(await db.closeOutReview.count({ where: { opportunityId: open.body.id } })).toBe(0);
  });

  it("words the missing parts in the caller's language", async () => {
    const ctx = { ...(await contextOf(world.rep.id)), locale: "zh-CN" as const };
    const input = body();
    await expect(createOpportunity(ctx, { ...input, stage: "LOST" })).rejects.toMatchObject({
      code: "VALIDATION",
      errors: [{ path: "closeOut.primaryReason", message: "请选择主要原因。" }, { path: "closeOut.lessons", message: "请填写经验教训。" }],
    });
    expect(await dealsNamed(input.name)).toBe(0);
  });
});
