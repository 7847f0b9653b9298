// The customer decision cycle (客户决策循环, METHOD.md §2): the customer's side of the same deal, in order.
// Stored as plain keys (StageSetting.expectedDecisionStage); names in English and 简体中文.
import { DEFAULT_STAGE_TABLE, type LocalizedText, type StageKey, type StageTable } from "./stages";
import { type DecisionStageKey, decisionStageIndex } from "./decision-stage-names";

export {
  DECISION_STAGE_KEYS, DECISION_STAGE_NAMES, type DecisionStageKey, decisionStageIndex, isDecisionStageKey,
} from "./decision-stage-names";

const text = (en: string, zh: string): LocalizedText => ({ en, "zh-CN": zh });

/** "At least X" in the cycle's order (the gate criterion DECISION_STAGE). */
export function isDecisionStageAtLeast(stage: DecisionStageKey | null | undefined, minimum: DecisionStageKey): boolean {
  return stage !== null && stage !== undefined && decisionStageIndex(stage) >= decisionStageIndex(minimum);
}

// ---- Purchase steps (采购步骤, METHOD.md §2): the customer's own milestones, a dated checklist per deal.
export const PURCHASE_STEP_KEYS = [
  "PROBLEM_FOUND", "BUDGET_SET", "FEASIBILITY_STUDIED", "BUYING_TEAM_FORMED", "CRITERIA_SET",
  "TENDER_SHORTLIST", "PREFERRED_SUPPLIER", "NEGOTIATION", "SIGNED",
] as const;
export type PurchaseStepKey = (typeof PURCHASE_STEP_KEYS)[number];

export const PURCHASE_STEP_NAMES: Readonly<Record<PurchaseStepKey, LocalizedText>> = Object.freeze({
  PROBLEM_FOUND: text("Problem found", "发现问题"),
  BUDGET_SET: text("Budget set", "确定预算"),
  FEASIBILITY_STUDIED: text("Feasibility studied", "可行性研究"),
  BUYING_TEAM_FORMED: text("Buying team formed", "建立采购小组"),
  CRITERIA_SET: text("Criteria set", "制定采购标准"),
  TENDER_SHORTLIST: text("Tender / shortlist", "确定招标 / 初步筛选"),
  PREFERRED_SUPPLIER: text("Preferred supplier chosen", "确定首选供应商"),
  NEGOTIATION: text("Negotiation", "商务谈判"),
  SIGNED: text("Signed", "签约"),
});

export function isPurchaseStepKey(value: unknown): value is PurchaseStepKey {
  return typeof value === "string" && (PURCHASE_STEP_KEYS as readonly string[]).includes(value);
}

// ---- Coaching per decision stage (METHOD.md §2): what the customer thinks, what they ask, what the rep does.
export type DecisionStageGuidance = { thinking: LocalizedText; asks: LocalizedText; do: LocalizedText };

export const DECISION_STAGE_GUIDANCE: Readonly<Record<DecisionStageKey, DecisionStageGuidance>> = Object.freeze({
  SATISFACTION: {
    thinking: text(
      "There is no problem. The customer is content and the hardest to persuade — yet a problem not yet surfaced still exists.",
      "没有问题。客户感到满意，最难说服——但尚未暴露的问题依然存在。",
    ),
    asks: text("Why should we change anything?", "我们为什么要改变？"),
    do: text(
      "Research the business, build relationships, and help the customer find and state a problem (trade shows, reference sites, exchange meetings).",
      "研究客户业务、建立关系，帮助客户发现并提出问题（展览会、样板点、客户接待交流会）。",
    ),
  },
  RECOGNITION: {
    thinking: text(
      "The problem is acknowledged but there is no will to act yet — the key \"want it or not\" point.",
      "客户承认存在问题，但还没有行动的意愿——这是\"要不要\"的关键点。",
    ),
    asks: text("How serious is it? Is it serious enough to act on?", "问题有多严重？严重到需要行动吗？"),
    do: text(
      "Quantify the cost of the problem with the customer, survey the site, and help set a budget.",
      "与客户一起量化问题的代价，开展初步调研，协助确定预算。",
    ),
  },
  DECISION: {
    thinking: text(
      "Small problems have piled up until a trigger (an incident, a scare, an opportunity); the decision to act is made at once.",
      "小问题不断累积，直到某个触发点（事故、惊吓、机会）出现，随即做出行动的决定。",
    ),
    asks: text("Do we start a project now, and who is on the buying team?", "现在就立项吗？采购小组由谁组成？"),
    do: text(
      "Be there when the moment comes: support project approval (立项), learn who joins the buying team, develop a coach.",
      "在时机到来时在场：支持客户立项，了解采购小组成员，发展教练。",
    ),
  },
  CRITERIA: {
    thinking: text(
      "The customer defines what it needs, collects information and bids; it decides by problems, not needs.",
      "客户明确需求、收集信息和方案；客户按问题而不是需求做决定。",
    ),
    asks: text("What must the solution do? What should we require from suppliers?", "方案必须做到什么？我们应该对供应商提出哪些要求？"),
    do: text(
      "Shape the purchasing criteria around our strengths: technical exchanges, demos, reference-site visits; sharpen the problem.",
      "围绕我方优势影响采购标准：技术交流、演示、参观样板点；把问题讲透讲准。",
    ),
  },
  EVALUATION: {
    thinking: text(
      "Vague wishes have become explicit criteria; qualified suppliers are shortlisted and buying intent is stable.",
      "模糊的想法变成了明确的标准；合格供应商已入围，采购意向趋于稳定。",
    ),
    asks: text("Which suppliers meet our criteria best?", "哪些供应商最符合我们的标准？"),
    do: text(
      "Make the shortlist: present the formal solution, answer the tender, and show how we meet each criterion.",
      "确保入围：汇报正式方案、响应招标，逐条说明我方如何满足标准。",
    ),
  },
  INVESTIGATION: {
    thinking: text(
      "The customer checks the shortlisted suppliers: references, site visits, risks.",
      "客户考察入围供应商：客户案例、样板点参观、风险评估。",
    ),
    asks: text("Can this supplier really deliver? Who has done it before?", "这家供应商真的能交付吗？谁用过？"),
    do: text(
      "Arrange reference-site visits and reference calls, remove doubts about risk, and win the senior decision makers' commitment.",
      "安排样板点参观和客户推荐，消除风险顾虑，争取高层决策者的承诺。",
    ),
  },
  SELECTION: {
    thinking: text(
      "A preferred supplier is chosen; what remains is negotiation and signing.",
      "已确定首选供应商，剩下商务谈判和签约。",
    ),
    asks: text("What are the price, terms and acceptance points?", "价格、条款和验收点是什么？"),
    do: text(
      "Negotiate price, terms, delivery and acceptance points; close and sign.",
      "谈判价格、条款、交付和验收点；促成签约。",
    ),
  },
  REEVALUATION: {
    thinking: text(
      "After delivery the customer reviews the result: satisfied again, or a new problem appears.",
      "交付后客户评价结果：重新满意，或出现新的问题。",
    ),
    asks: text("Did we get what we paid for? What next?", "我们得到了想要的结果吗？下一步呢？"),
    do: text(
      "Deliver to the acceptance points, review the project, and look for the next problem to solve (upsell, expansion).",
      "按验收点交付，做项目总结，寻找下一个要解决的问题（升级扩容）。",
    ),
  },
});

// ---- Alignment (营销价值链, METHOD.md §2): the customer decision cycle, our activities and the project stage
// move together. Each P stage expects the customer to have reached a decision stage (stage configuration,
// `expectedDecisionStage`); a deal whose P stage runs ahead of its customer is a forecast risk.

/**
 * - AHEAD: open deal, customer stage known and behind the expected one (gap > 0) — the flag.
 * - ALIGNED: open deal, customer at or beyond the expected stage (gap ≤ 0; P5 spans Evaluation–Investigation).
 * - UNKNOWN: open deal whose customer stage was never recorded — not flagged, but no evidence either.
 * - CLOSED: P7 and LOST. Their outcome is a fact, not a forecast, so they are never "ahead"; P7 still
 *   names its expected stage (Re-evaluation) for display, LOST has none.
 */
export type AlignmentStatus = "AHEAD" | "ALIGNED" | "UNKNOWN" | "CLOSED";

export type DecisionAlignment = {
  /** The decision stage the deal's P stage expects (the org's stage table), null for LOST or when unset. */
  expectedStage: DecisionStageKey | null;
  /** False only when the deal is ahead of its customer. */
  aligned: boolean;
  /** Expected index − customer index: > 0 steps ahead of the customer, ≤ 0 in step; null when not comparable. */
  gap: number | null;
  status: AlignmentStatus;
};

export function decisionAlignment(
  stage: StageKey, decisionStage: DecisionStageKey | null | undefined, table: StageTable = DEFAULT_STAGE_TABLE,
): DecisionAlignment {
  const definition = table[stage];
  const expectedStage = definition.expectedDecisionStage;
  if (definition.isClosed) return { expectedStage, aligned: true, gap: null, status: "CLOSED" };
  if (!decisionStage || !expectedStage) return { expectedStage, aligned: true, gap: null, status: "UNKNOWN" };
  const gap = decisionStageIndex(expectedStage) - decisionStageIndex(decisionStage);
  return gap > 0 ? { expectedStage, aligned: false, gap, status: "AHEAD" } : { expectedStage, aligned: true, gap, status: "ALIGNED" };
}

/** Whether a deal is flagged "ahead of the customer" (what the board card, deal page and forecast warn about). */
export function isAheadOfCustomer(alignment: DecisionAlignment): boolean {
  return alignment.status === "AHEAD";
}
