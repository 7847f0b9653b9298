// A key account's own decision-cycle stage (issue 5): account development (P0) starts before any deal, so
// the customer's stage can be recorded on the account itself. Readable like the account (the whole org);
// changed by whoever may edit the account. History rows have no deal (opportunityId null) and are append-only.
import "server-only";
import { db } from "@/lib/db";
import { type DecisionStageKey, isDecisionStageKey } from "@/lib/domain/decision-cycle";
import { invalid, notFound } from "@/lib/errors";
import type { Ctx } from "@/lib/permissions";
import type { DecisionStageChangeInput, DecisionStageChangeOutput } from "@/lib/validations/decision-cycle";
import { assertMayEditAccount } from "./accounts";
import { toDecisionChangeOutput } from "./decision-cycle";
import { isUuid } from "./pagination";

export type AccountDecision = { stage: DecisionStageKey | null; isKeyAccount: boolean; history: DecisionStageChangeOutput[] };

async function findAccount(ctx: Ctx, accountId: string) {
  if (!isUuid(accountId)) throw notFound("Account");
  const account = await db.account.findFirst({ where: { id: accountId, orgId: ctx.orgId, deletedAt: null } });
  if (!account) throw notFound("Account");
  return account;
}

/** The account's current decision stage (the latest observation, from the account or any of its deals) and its account-level history. */
export async function getAccountDecision(ctx: Ctx, accountId: string): Promise<AccountDecision> {
  const account = await findAccount(ctx, accountId);
  const history = await db.decisionStageChange.findMany({
    where: { accountId: account.id, orgId: ctx.orgId, opportunityId: null },
    include: { byUser: { select: { name: true } }, activity: { select: { id: true, subject: true, type: true, occurredAt: true } } },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
  return {
    stage: isDecisionStageKey(account.decisionStage) ? account.decisionStage : null,
    isKeyAccount: account.isKeyAccount,
    history: history.map(toDecisionChangeOutput),
  };
}

/** Records a key account's decision stage with its evidence (a note or an activity on the account). */
export async function changeAccountDecisionStage(ctx: Ctx, accountId: string, input: DecisionStageChangeInput): Promise<AccountDecision> {
  if (!isUuid(accountId)) throw notFound("Account");
  await db.$transaction(async (tx) => {
    const [account] = await tx.$queryRaw<{ id: string; ownerId: string | null; isKeyAccount: boolean; decisionStage: string | null }[]>`
      SELECT id::text, "ownerId"::text AS "ownerId", "isKeyAccount", "decisionStage" FROM "Account"
      WHERE id = ${accountId}::uuid AND "orgId" = ${ctx.orgId}::uuid AND "deletedAt" IS NULL FOR UPDATE`;
    if (!account) throw notFound("Account");
    assertMayEditAccount(ctx, account);
    if (!account.isKeyAccount) throw invalid([{ path: "stage", message: "Only a key account carries its own decision stage; record it on a deal." }]);
    if (account.decisionStage === input.stage) throw invalid([{ path: "stage", message: `The customer is already in ${input.stage}.` }]);
    if (input.activityId) {
      const found = await tx.activity.findFirst({ where: { id: input.activityId, orgId: ctx.orgId, accountId: account.id }, select: { id: true } });
      if (!found) throw invalid([{ path: "activityId", message: "The evidence must be an activity of this account." }]);
    }
    await tx.decisionStageChange.create({
      data: {
        orgId: ctx.orgId, accountId: account.id, opportunityId: null, byUserId: ctx.userId,
        fromStage: account.decisionStage, toStage: input.stage, note: input.note ?? null, activityId: input.activityId ?? null,
      },
    });
    await tx.account.update({ where: { id: account.id }, data: { decisionStage: input.stage } });
  });
  return getAccountDecision(ctx, accountId);
}
