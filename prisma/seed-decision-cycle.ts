// Demo data of the customer decision cycle (issue 5): where each demo customer stands, with a short history
// and the purchase steps it has taken. Most deals move with their customer; about one in five runs ahead of
// it (so the board shows "ahead of the customer" flags), some were never recorded. Key accounts without an
// open deal carry an account-level stage, mostly Satisfaction (METHOD.md §2: reps think 50–60% sit there).
// Deterministic: its own PRNG, and deals read in a fixed order.
import { randomUUID } from "node:crypto";
import {
  DECISION_STAGE_KEYS, type DecisionStageKey, decisionStageIndex, type PurchaseStepKey,
} from "../lib/domain/decision-cycle";
import { DEFAULT_STAGE_TABLE, OPEN_STAGE_KEYS, type StageKey } from "../lib/domain/stages";
import type { Prisma } from "../lib/generated/prisma/client";
import type { DbClient } from "../tests/factories";
import { createRandom, type Random } from "./seed-plan";

const PRNG_SEED = 20_261_105;
const DAY_MS = 86_400_000;

/** The purchase steps a customer has taken by the time it reaches each decision stage. */
const STEPS_BY_STAGE: Record<DecisionStageKey, PurchaseStepKey[]> = {
  SATISFACTION: [],
  RECOGNITION: ["PROBLEM_FOUND"],
  DECISION: ["PROBLEM_FOUND", "BUDGET_SET", "FEASIBILITY_STUDIED", "BUYING_TEAM_FORMED"],
  CRITERIA: ["PROBLEM_FOUND", "BUDGET_SET", "FEASIBILITY_STUDIED", "BUYING_TEAM_FORMED", "CRITERIA_SET"],
  EVALUATION: ["PROBLEM_FOUND", "BUDGET_SET", "FEASIBILITY_STUDIED", "BUYING_TEAM_FORMED", "CRITERIA_SET", "TENDER_SHORTLIST"],
  INVESTIGATION: ["PROBLEM_FOUND", "BUDGET_SET", "FEASIBILITY_STUDIED", "BUYING_TEAM_FORMED", "CRITERIA_SET", "TENDER_SHORTLIST"],
  SELECTION: [
    "PROBLEM_FOUND", "BUDGET_SET", "FEASIBILITY_STUDIED", "BUYING_TEAM_FORMED", "CRITERIA_SET", "TENDER_SHORTLIST",
    "PREFERRED_SUPPLIER", "NEGOTIATION",
  ],
  REEVALUATION: [
    "PROBLEM_FOUND", "BUDGET_SET", "FEASIBILITY_STUDIED", "BUYING_TEAM_FORMED", "CRITERIA_SET", "TENDER_SHORTLIST",
    "PREFERRED_SUPPLIER", "NEGOTIATION", "SIGNED",
  ],
};

const NOTES: Record<DecisionStageKey, string> = {
  SATISFACTION: "Customer sees no problem with the current setup / 客户认为现状没有问题",
  RECOGNITION: "Customer admits the problem but asks how serious it is / 客户承认问题，但在问有多严重",
  DECISION: "Project approved, buying team formed / 客户已立项并成立采购小组",
  CRITERIA: "Customer is writing the purchasing criteria / 客户正在制定采购标准",
  EVALUATION: "Tender issued, shortlist being drawn up / 已发标，正在初步筛选",
  INVESTIGATION: "Customer visiting reference sites / 客户正在考察样板点",
  SELECTION: "We are the preferred supplier; negotiating / 我方为首选供应商，商务谈判中",
  REEVALUATION: "Reviewing the delivered result / 客户正在评价交付结果",
};

/** The customer's stage for a deal: usually the expected one (or one beyond), sometimes 1–2 behind, sometimes unknown. */
function pickDecisionStage(random: Random, stage: StageKey): DecisionStageKey | null {
  const expected = DEFAULT_STAGE_TABLE[stage].expectedDecisionStage;
  if (!expected) return null;
  const roll = random.next();
  if (roll < 0.12) return null;
  const index = decisionStageIndex(expected);
  // Ahead of the customer by 1–2 steps (never more, so a demo P5 customer is never already in Recognition).
  const offset = roll < 0.32 ? -random.int(1, 2) : roll < 0.45 ? 1 : 0;
  return DECISION_STAGE_KEYS[Math.min(Math.max(index + offset, 0), decisionStageIndex("SELECTION"))];
}

type Deal = { id: string; accountId: string; ownerId: string; stage: string; createdAt: Date };

export async function seedDecisionCycle(tx: DbClient, orgId: string, now: number): Promise<void> {
  const random = createRandom(PRNG_SEED);
  const deals: Deal[] = await tx.opportunity.findMany({
    where: { orgId, stage: { in: [...OPEN_STAGE_KEYS] } },
    select: { id: true, accountId: true, ownerId: true, stage: true, createdAt: true },
    orderBy: [{ createdAt: "asc" }, { name: "asc" }, { id: "asc" }],
  });
  const changes: Prisma.DecisionStageChangeCreateManyInput[] = [];
  const steps: { opportunityId: string; orgId: string; step: string; done: boolean; date: Date; updatedById: string }[] = [];
  const latestByAccount = new Map<string, { stage: DecisionStageKey; at: number }>();
  const dealStages: { id: string; stage: DecisionStageKey }[] = [];

  for (const deal of deals) {
    const target = pickDecisionStage(random, deal.stage as StageKey);
    if (!target) continue;
    // A short walk up to the current stage: one to three recorded changes between the deal's creation and now.
    const first = Math.max(0, decisionStageIndex(target) - random.int(0, 2));
    const walk = DECISION_STAGE_KEYS.slice(first, decisionStageIndex(target) + 1);
    const start = deal.createdAt.getTime();
    const span = Math.max(DAY_MS, now - start - DAY_MS);
    walk.forEach((key, index) => {
      const at = new Date(start + Math.floor((span * (index + 1)) / (walk.length + 1)));
      changes.push({
        id: randomUUID(), orgId, accountId: deal.accountId, opportunityId: deal.id, byUserId: deal.ownerId,
        fromStage: index === 0 ? null : walk[index - 1], toStage: key, note: NOTES[key], at,
      });
      const latest = latestByAccount.get(deal.accountId);
      if (!latest || latest.at < at.getTime()) latestByAccount.set(deal.accountId, { stage: key, at: at.getTime() });
    });
    dealStages.push({ id: deal.id, stage: target });
    STEPS_BY_STAGE[target].forEach((step, index, all) => {
      const date = new Date(start + Math.floor((span * (index + 1)) / (all.length + 1)));
      date.setUTCHours(0, 0, 0, 0);
      steps.push({ opportunityId: deal.id, orgId, step, done: true, date, updatedById: deal.ownerId });
    });
  }

  // Key accounts without any open deal: account development (P0) with an account-level stage.
  const keyAccounts = await tx.account.findMany({
    where: { orgId, isKeyAccount: true, id: { notIn: [...new Set(deals.map((deal) => deal.accountId))] } },
    select: { id: true, ownerId: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  for (const account of keyAccounts) {
    if (!account.ownerId) continue;
    const stage: DecisionStageKey = random.weighted([["SATISFACTION", 6], ["RECOGNITION", 3], ["REEVALUATION", 1]] as const);
    const at = new Date(now - random.int(3, 60) * DAY_MS);
    changes.push({
      id: randomUUID(), orgId, accountId: account.id, opportunityId: null, byUserId: account.ownerId, fromStage: null, toStage: stage, note: NOTES[stage], at,
    });
    latestByAccount.set(account.id, { stage, at: at.getTime() });
  }

  for (let index = 0; index < changes.length; index += 500) await tx.decisionStageChange.createMany({ data: changes.slice(index, index + 500) });
  for (let index = 0; index < steps.length; index += 500) await tx.purchaseStep.createMany({ data: steps.slice(index, index + 500) });
  // One UPDATE per stage rather than per deal or account.
  for (const key of DECISION_STAGE_KEYS) {
    const dealIds = dealStages.filter((deal) => deal.stage === key).map((deal) => deal.id);
    if (dealIds.length) await tx.opportunity.updateMany({ where: { id: { in: dealIds } }, data: { decisionStage: key } });
    const accountIds = [...latestByAccount].filter(([, latest]) => latest.stage === key).map(([id]) => id);
    if (accountIds.length) await tx.account.updateMany({ where: { id: { in: accountIds } }, data: { decisionStage: key } });
  }
}
