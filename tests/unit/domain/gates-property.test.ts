// The gate invariant, as a property over whole histories: whatever gate configuration and fields a deal is
// created with, at whatever stage, and whatever sequence of moves, field edits, checklist ticks, logged
// activities, approvals and gate-configuration changes follows, every stage a deal entered going forward —
// its creation stage included — had all its BLOCK criteria (and those of every stage it skipped) met at that
// moment, and every backward move in a gated org carried a reason. The model applies decideCreationAtStage's
// and decideStageMove's verdicts the way createOpportunity and moveOpportunityToStage do; the oracle
// re-derives "met" independently from the raw history.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decideCreationAtStage, decideStageMove } from "@/lib/domain/gate-moves";
import type { DealFacts, GateCriterion, RequiredFieldKey } from "@/lib/domain/gates";
import { PIPELINE_STAGE_KEYS, STAGE_KEYS, type StageKey } from "@/lib/domain/stages";

const stage = fc.constantFrom(...STAGE_KEYS);
const openStage = fc.constantFrom(...PIPELINE_STAGE_KEYS);
const activityType = fc.constantFrom("TECH_EXCHANGE", "NEEDS_SURVEY");

const criterionSpec = fc.oneof(
  fc.record({ kind: fc.constant("REQUIRED_FIELDS"), config: fc.record({ fields: fc.subarray(["productLine", "amount", "teamId"] as RequiredFieldKey[], { minLength: 1 }) }) }),
  fc.record({ kind: fc.constant("CHECKLIST"), config: fc.constant({}) }),
  fc.record({ kind: fc.constant("ACTIVITY"), config: fc.record({ activityType }) }),
  fc.record({ kind: fc.constant("APPROVAL"), config: fc.constant({}) }),
);

const action = fc.oneof(
  { weight: 3, arbitrary: fc.record({ type: fc.constant("move" as const), to: stage, withReason: fc.boolean(), withLossReason: fc.boolean() }) },
  // Mostly step by step, as deals really move, so long forward runs (and their windows) are common.
  { weight: 5, arbitrary: fc.record({ type: fc.constant("moveNext" as const), withReason: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant("edit" as const), productLine: fc.option(fc.constant("ERP")), amount: fc.constantFrom("0.00", "10.00"), teamId: fc.option(fc.constant("team")) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant("tick" as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("untick" as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant("activity" as const), activityType }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("approve" as const), toStage: openStage }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant("addCriterion" as const), stage, spec: criterionSpec, isWarn: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("removeCriterion" as const), pick: fc.nat() }) },
);

/** Before the deal exists: the admin configures gates and the rep fills in the form. */
const beforeCreation = fc.array(
  fc.oneof(
    fc.record({ type: fc.constant("addCriterion" as const), stage, spec: criterionSpec, isWarn: fc.boolean() }),
    fc.record({ type: fc.constant("removeCriterion" as const), pick: fc.nat() }),
    fc.record({ type: fc.constant("edit" as const), productLine: fc.option(fc.constant("ERP")), amount: fc.constantFrom("0.00", "10.00"), teamId: fc.option(fc.constant("team")) }),
  ),
  { maxLength: 6 },
);
const creation = fc.record({ stage, withLossReason: fc.boolean() });

type Model = {
  now: number;
  criteria: GateCriterion[];
  stage: StageKey;
  enteredAt: number;
  fields: DealFacts["fields"];
  ticks: Set<string>;
  activities: { type: string; occurredAt: Date }[];
  entries: { fromStage: StageKey | null; toStage: StageKey; at: Date }[];
  approvals: { id: string; toStage: StageKey }[];
};

const index = (key: StageKey) => (PIPELINE_STAGE_KEYS as readonly StageKey[]).indexOf(key);

/** The oracle: is one criterion met for a move to `to`, computed straight from the model's raw history. */
function isMetByOracle(model: Model, criterion: GateCriterion, to: StageKey): boolean {
  const config = criterion.config as { fields?: RequiredFieldKey[]; activityType?: string };
  switch (criterion.kind) {
    case "REQUIRED_FIELDS":
      return (config.fields ?? []).every((field) => (field === "amount" ? Number(model.fields.amount) > 0 : Boolean(model.fields[field])));
    case "CHECKLIST":
      return model.ticks.has(criterion.id);
    case "ACTIVITY": {
      let since = model.enteredAt;
      if (index(criterion.stage) > 0) {
        const previous = PIPELINE_STAGE_KEYS[index(criterion.stage) - 1];
        for (const entry of model.entries) if (entry.toStage === previous) since = entry.at.getTime();
      }
      return model.activities.some((item) => item.type === config.activityType && item.occurredAt.getTime() >= since);
    }
    case "APPROVAL":
      return model.approvals.some((approval) =>
        criterion.stage === "LOST" || to === "LOST"
          ? approval.toStage === criterion.stage
          : index(approval.toStage) >= index(criterion.stage) && index(approval.toStage) <= index(to));
    default:
      return false;
  }
}

/** The stages a forward move must pass, derived without planStageMove. */
function crossedStages(model: Model, to: StageKey): StageKey[] {
  if (to === "P7" || to === "LOST") return [to];
  let from = model.stage;
  if (from === "LOST") {
    const intoLost = model.entries.filter((entry) => entry.toStage === "LOST").at(-1);
    from = intoLost?.fromStage && intoLost.fromStage !== "LOST" ? intoLost.fromStage : "P0";
  }
  const crossed: StageKey[] = [];
  for (let i = index(from) + 1; i <= index(to); i++) crossed.push(PIPELINE_STAGE_KEYS[i]);
  return crossed;
}

function factsOf(model: Model): DealFacts {
  return {
    stage: model.stage, stageEnteredAt: new Date(model.enteredAt), fields: model.fields, tickedCriterionIds: model.ticks,
    activities: model.activities, stageEntries: model.entries, approvals: model.approvals,
  };
}

/** Every BLOCK criterion of the stages a move (or a creation, as a move from P0) crosses is met by the oracle. */
function expectCrossedGatesMet(model: Model, to: StageKey) {
  const crossed = crossedStages(model, to);
  for (const criterion of model.criteria) {
    if (criterion.mode === "BLOCK" && crossed.includes(criterion.stage)) {
      expect(isMetByOracle(model, criterion, to), `${criterion.kind} of ${criterion.stage} unmet on entering ${to}`).toBe(true);
    }
  }
}

describe("stage gates over any history", () => {
  it("never let a deal into a stage whose BLOCK criteria (or a skipped stage's) were unmet when it entered", () => {
    fc.assert(
      fc.property(beforeCreation, creation, fc.array(action, { maxLength: 60 }), (setup, create, actions) => {
        const model: Model = {
          now: 0, criteria: [], stage: "P0", enteredAt: 0,
          fields: { productLine: null, amount: "0.00", teamId: null, expectedCloseDate: "2027-01-01" },
          ticks: new Set(), activities: [], entries: [], approvals: [],
        };
        let ids = 0;
        for (const step of setup) applyStep(step);
        createDeal();
        for (const step of actions) applyStep(step);

        // Created at the chosen stage when its gates (as a move from P0) allow it; otherwise, as a rep would, at P0.
        // A creation whose crossed BLOCK criteria all hold must be allowed: the gate refuses nothing more.
        function createDeal() {
          model.now += 1000;
          model.enteredAt = model.now;
          const lossReason = create.withLossReason ? "price" : null;
          const verdict = decideCreationAtStage({ stage: create.stage, lossReason }, model.criteria, factsOf(model));
          const isClear = crossedStages(model, create.stage).every((crossed) =>
            model.criteria.every((criterion) => criterion.stage !== crossed || criterion.mode === "WARN" || isMetByOracle(model, criterion, create.stage)));
          if (isClear && (create.stage !== "LOST" || lossReason)) expect(verdict.allowed, `creation at ${create.stage}`).toBe(true);
          const to = verdict.allowed ? create.stage : "P0";
          if (to !== "P0") expectCrossedGatesMet(model, to);
          if (to === "LOST") expect(lossReason).toBeTruthy();
          model.entries.push({ fromStage: null, toStage: to, at: new Date(model.now) });
          model.stage = to;
        }

        function applyStep(step: (typeof actions)[number] | (typeof setup)[number]) {
          model.now += 1000;
          const checklists = model.criteria.filter((criterion) => criterion.kind === "CHECKLIST");
          switch (step.type) {
            case "edit":
              model.fields = { ...model.fields, productLine: step.productLine, amount: step.amount, teamId: step.teamId };
              break;
            case "tick":
              if (checklists.length) model.ticks.add(checklists[step.pick % checklists.length].id);
              break;
            case "untick":
              if (checklists.length) model.ticks.delete(checklists[step.pick % checklists.length].id);
              break;
            case "activity":
              model.activities.push({ type: step.activityType, occurredAt: new Date(model.now) });
              break;
            case "approve":
              model.approvals.push({ id: `a${++ids}`, toStage: step.toStage });
              break;
            case "addCriterion":
              model.criteria.push({
                id: `c${String(++ids).padStart(4, "0")}`, stage: step.stage, kind: step.spec.kind, config: step.spec.config,
                label: { en: "x", "zh-CN": "x" }, mode: step.isWarn ? "WARN" : "BLOCK", order: 0,
              });
              break;
            case "removeCriterion":
              if (model.criteria.length) model.criteria.splice(step.pick % model.criteria.length, 1);
              break;
            case "move":
            case "moveNext": {
              const to = step.type === "move" ? step.to : PIPELINE_STAGE_KEYS[Math.min(index(model.stage) + 1, 7)] ?? "P0";
              if (to === model.stage) break;
              const request = {
                from: model.stage, to, reason: step.withReason ? "because" : null, lossReason: step.type === "move" && step.withLossReason ? "price" : null,
              };
              const verdict = decideStageMove(request, model.criteria, factsOf(model));
              if (!verdict.allowed) break;
              const isForward = to === "P7" || to === "LOST" || (model.stage !== "LOST" && model.stage !== "P7" && index(to) > index(model.stage))
                || (model.stage === "LOST" && crossedStages(model, to).length > 0);
              if (model.criteria.length > 0 && !isForward) expect(request.reason, "a backward move without a reason").toBeTruthy();
              if (to === "LOST") expect(request.lossReason).toBeTruthy();
              expectCrossedGatesMet(model, to);
              // Apply the move as moveOpportunityToStage does: history row, used approvals, new stage.
              model.approvals = model.approvals.filter((approval) => !verdict.approvalIds.includes(approval.id));
              model.entries.push({ fromStage: model.stage, toStage: to, at: new Date(model.now) });
              model.stage = to;
              model.enteredAt = model.now;
              break;
            }
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
