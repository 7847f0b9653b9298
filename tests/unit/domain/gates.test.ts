import { describe, expect, it } from "vitest";
import { canDecideApproval } from "@/lib/domain/approvals";
import { DEFAULT_GATE_SET } from "@/lib/domain/gate-defaults";
import { decideStageMove, lastOpenStage, planStageMove } from "@/lib/domain/gate-moves";
import { activityWindowStart, type DealFacts, evaluateCriterion, type GateCriterion, parseCriterionConfig } from "@/lib/domain/gates";
import type { StageKey } from "@/lib/domain/stages";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));

function facts(overrides: Partial<DealFacts> = {}): DealFacts {
  return {
    stage: "P1",
    stageEnteredAt: at(10),
    fields: { productLine: null, amount: "0.00", teamId: null, expectedCloseDate: "2027-01-01" },
    tickedCriterionIds: new Set(),
    activities: [],
    stageEntries: [{ fromStage: null, toStage: "P0", at: at(0) }, { fromStage: "P0", toStage: "P1", at: at(10) }],
    approvals: [],
    ...overrides,
  };
}

let sequence = 0;
function criterion(stage: StageKey, kind: string, config: unknown = {}, mode: "BLOCK" | "WARN" = "BLOCK"): GateCriterion {
  sequence += 1;
  return { id: `c${String(sequence).padStart(3, "0")}`, stage, kind, label: { en: `${kind} ${stage}`, "zh-CN": `${kind} ${stage}` }, config, mode, order: 0 };
}

describe("criterion kinds", () => {
  it("validate their config: known fields only, an activity type, nothing for checklists and approvals", () => {
    expect(parseCriterionConfig("REQUIRED_FIELDS", { fields: ["productLine", "amount"] })).toMatchObject({ success: true });
    expect(parseCriterionConfig("REQUIRED_FIELDS", { fields: ["password"] })).toMatchObject({ success: false });
    expect(parseCriterionConfig("REQUIRED_FIELDS", { fields: [] })).toMatchObject({ success: false });
    expect(parseCriterionConfig("ACTIVITY", {})).toMatchObject({ success: false });
    expect(parseCriterionConfig("ACTIVITY", { activityType: "TECH_EXCHANGE" })).toMatchObject({ success: true });
    expect(parseCriterionConfig("CHECKLIST", { extra: 1 })).toMatchObject({ success: false });
    expect(parseCriterionConfig("NO_SUCH_KIND", {})).toMatchObject({ success: false });
  });

  it("count the amount as filled only when it is more than 0", () => {
    const required = criterion("P1", "REQUIRED_FIELDS", { fields: ["productLine", "amount"] });
    const scope = { stage: "P1" as const, moveTo: "P1" as const };
    const zero = evaluateCriterion(required, facts({ fields: { productLine: "ERP", amount: "0.00", teamId: null, expectedCloseDate: null } }), scope);
    expect(zero).toMatchObject({ met: false, message: { en: "Fill in: amount (more than 0)." } });
    const blank = evaluateCriterion(required, facts({ fields: { productLine: "  ", amount: "5.00", teamId: null, expectedCloseDate: null } }), scope);
    expect(blank.met).toBe(false);
    const filled = evaluateCriterion(required, facts({ fields: { productLine: "ERP", amount: "0.01", teamId: null, expectedCloseDate: null } }), scope);
    expect(filled.met).toBe(true);
  });

  it("look for an activity since the deal entered the stage before the target", () => {
    const survey = criterion("P4", "ACTIVITY", { activityType: "NEEDS_SURVEY" });
    const history = facts({
      stage: "P3", stageEnteredAt: at(30),
      stageEntries: [{ fromStage: null, toStage: "P2", at: at(0) }, { fromStage: "P2", toStage: "P3", at: at(30) }],
    });
    expect(activityWindowStart(history, "P4")).toEqual(at(30));
    const before = { ...history, activities: [{ type: "NEEDS_SURVEY", occurredAt: at(29) }] };
    const after = { ...history, activities: [{ type: "NEEDS_SURVEY", occurredAt: at(31) }, { type: "VISIT", occurredAt: at(40) }] };
    expect(evaluateCriterion(survey, before, { stage: "P4", moveTo: "P4" }).met).toBe(false);
    expect(evaluateCriterion(survey, after, { stage: "P4", moveTo: "P4" }).met).toBe(true);
    // Skipping P3 (never entered): the window starts when the deal entered its current stage.
    const skipping = facts({ stage: "P2", stageEnteredAt: at(50), stageEntries: [{ fromStage: null, toStage: "P2", at: at(50) }] });
    expect(activityWindowStart(skipping, "P4")).toEqual(at(50));
  });
});

describe("planStageMove", () => {
  it("checks every skipped stage going forward, and only their own gate for P7 and LOST", () => {
    expect(planStageMove("P1", "P4")).toEqual({ gatedStages: ["P2", "P3", "P4"], isBackward: false });
    expect(planStageMove("P1", "P7")).toEqual({ gatedStages: ["P7"], isBackward: false });
    expect(planStageMove("P5", "LOST")).toEqual({ gatedStages: ["LOST"], isBackward: false });
  });

  it("treats going back and reopening a won or lost deal as backward, gating only stages beyond the lost one", () => {
    expect(planStageMove("P4", "P2")).toEqual({ gatedStages: [], isBackward: true });
    expect(planStageMove("P7", "P6")).toEqual({ gatedStages: [], isBackward: true });
    expect(planStageMove("LOST", "P5", "P3")).toEqual({ gatedStages: ["P4", "P5"], isBackward: true });
    expect(lastOpenStage({ stageEntries: [{ fromStage: "P3", toStage: "LOST", at: at(1) }] })).toBe("P3");
  });
});

describe("decideStageMove", () => {
  it("lets an org without criteria move anywhere, back without a reason too (as before gates)", () => {
    expect(decideStageMove({ from: "P5", to: "P1" }, [], facts())).toMatchObject({ allowed: true });
    expect(decideStageMove({ from: "P1", to: "LOST" }, [], facts())).toMatchObject({ allowed: false, refusal: "LOSS_REASON_REQUIRED" });
  });

  it("needs a reason to go back once the org has gates", () => {
    const gates = [criterion("P6", "CHECKLIST")];
    expect(decideStageMove({ from: "P3", to: "P1" }, gates, facts({ stage: "P3" }))).toMatchObject({ allowed: false, refusal: "REASON_REQUIRED" });
    expect(decideStageMove({ from: "P3", to: "P1", reason: "Budget frozen" }, gates, facts({ stage: "P3" }))).toMatchObject({ allowed: true });
  });

  it("lists exactly the unmet BLOCK criteria of every stage crossed, and lets WARN ones through as warnings", () => {
    const ticked = criterion("P2", "CHECKLIST");
    const unticked = criterion("P3", "CHECKLIST");
    const warn = criterion("P3", "CHECKLIST", {}, "WARN");
    const later = criterion("P5", "CHECKLIST");
    const deal = facts({ tickedCriterionIds: new Set([ticked.id]) });
    const refused = decideStageMove({ from: "P1", to: "P3" }, [later, warn, unticked, ticked], deal);
    expect(refused).toMatchObject({ allowed: false, refusal: "GATES_UNMET" });
    expect(refused.allowed === false && refused.refusal === "GATES_UNMET" && refused.unmet.map((result) => result.criterionId)).toEqual([unticked.id]);
    const passed = decideStageMove({ from: "P1", to: "P3" }, [warn, ticked], deal);
    expect(passed.allowed && passed.warnings.map((result) => result.criterionId)).toEqual([warn.id]);
  });

  it("uses an approval asked for the gated stage or any stage up to the target, once", () => {
    const approval = criterion("P2", "APPROVAL");
    const approved = facts({ approvals: [{ id: "a1", toStage: "P3" }] });
    expect(decideStageMove({ from: "P1", to: "P2" }, [approval], approved)).toMatchObject({ allowed: false, refusal: "GATES_UNMET" });
    expect(decideStageMove({ from: "P1", to: "P3" }, [approval], approved)).toMatchObject({ allowed: true, approvalIds: ["a1"] });
  });
});

describe("approval decisions", () => {
  const request = { requestedById: "rep", dealTeamId: "north" };
  it("belong to a manager of the deal's team or an admin, never to the requester", () => {
    expect(canDecideApproval({ userId: "manager", role: "MANAGER", managedTeamIds: ["north"] }, request)).toBe(true);
    expect(canDecideApproval({ userId: "admin", role: "ADMIN", managedTeamIds: [] }, request)).toBe(true);
    expect(canDecideApproval({ userId: "other", role: "MANAGER", managedTeamIds: ["south"] }, request)).toBe(false);
    expect(canDecideApproval({ userId: "rep", role: "REP", managedTeamIds: [] }, request)).toBe(false);
    expect(canDecideApproval({ userId: "manager", role: "MANAGER", managedTeamIds: ["north"] }, { ...request, requestedById: "manager" })).toBe(false);
    expect(canDecideApproval({ userId: "admin", role: "ADMIN", managedTeamIds: [] }, { ...request, requestedById: "admin" })).toBe(false);
  });
});

describe("the default gate set", () => {
  it("is valid for its kinds and follows METHOD.md: P2 approval, P4 needs survey, P6 proposal on file", () => {
    for (const gate of DEFAULT_GATE_SET) expect(parseCriterionConfig(gate.kind, gate.config), `${gate.stage} ${gate.kind}`).toMatchObject({ success: true });
    const find = (stage: StageKey) => DEFAULT_GATE_SET.filter((gate) => gate.stage === stage);
    expect(find("P2")).toEqual([expect.objectContaining({ kind: "APPROVAL", mode: "BLOCK" })]);
    expect(find("P4")).toEqual([expect.objectContaining({ kind: "ACTIVITY", config: { activityType: "NEEDS_SURVEY" }, mode: "BLOCK" })]);
    expect(find("P6")).toEqual([expect.objectContaining({ kind: "CHECKLIST", mode: "BLOCK" })]);
    for (const gate of DEFAULT_GATE_SET) expect(gate.label["zh-CN"]).not.toBe(gate.label.en);
  });
});
