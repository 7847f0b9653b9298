// The early-warning rule engine (预警机制, issue 8): one list of rules over one facts type per deal. Each rule
// says whether it fires and, when it does, explains itself in both languages with the numbers behind it.
// Facts come from lib/data/warnings.ts; the optional facts (decision stage, buying center, fishbone actions)
// are filled by the features that own those records — absent means "not known", and those rules stay quiet.
import type { DecisionStageKey } from "./decision-cycle";
import { DECISION_STAGE_NAMES, decisionAlignment, isAheadOfCustomer } from "./decision-cycle";
import { formatMoneyString } from "./money";
import { daysInStage, isStalled, type LocalizedText, OPEN_STAGE_KEYS, type StageKey, type StageTable } from "./stages";

export type WarningSeverity = "high" | "medium" | "low";

export type DealFacts = {
  stage: StageKey;
  stageEnteredAt: Date;
  /** YYYY-MM-DD */
  expectedCloseDate: string;
  createdAt: Date;
  /** Latest activity on the deal, null when none was logged. */
  lastActivityAt: Date | null;
  /** How many times the expected close date was moved later (field history). */
  closeDatePushes: number;
  /** The latest reduction of the amount (field history), if any. */
  lastAmountCut: { before: string; after: string; at: Date } | null;
  /** Unmet WARN gate criteria the deal moved past (GateException rows). */
  gateExceptions: number;
  // ---- optional: wired by the features that own these records ----
  /** The customer's current decision stage (METHOD.md §2), when recorded. */
  customerDecisionStage?: DecisionStageKey | null;
  /** Red flags of the buying center, e.g. "no senior contact by P4", each already explained. */
  buyingCenterFlags?: { code: string; message: LocalizedText }[];
  /** Fishbone (root-cause) actions past their due date. */
  overdueFishboneActions?: number;
};

export type WarningConfig = { noActivityDays: number };
export const DEFAULT_WARNING_CONFIG: WarningConfig = { noActivityDays: 14 };

export type WarningContext = { now: Date; table: StageTable; config: WarningConfig };

export type Warning = { rule: WarningRuleKey; severity: WarningSeverity; message: LocalizedText };

type Rule = {
  severity: WarningSeverity;
  evaluate: (facts: DealFacts, context: WarningContext) => LocalizedText | null;
};

const DAY_MS = 86_400_000;
const today = (now: Date) => now.toISOString().slice(0, 10);

const RULES = {
  STALLED: {
    severity: "medium",
    evaluate: (facts, { now, table }) => {
      if (!isStalled(facts.stage, facts.stageEnteredAt, now, table)) return null;
      const days = daysInStage(facts.stageEnteredAt, now);
      const limit = table[facts.stage].maxDaysInStage;
      return {
        en: `In ${facts.stage} for ${days} days; the stage allows ${limit}.`,
        "zh-CN": `已在 ${facts.stage} 停留 ${days} 天，超过该阶段上限 ${limit} 天。`,
      };
    },
  },
  CLOSE_DATE_PASSED: {
    severity: "high",
    evaluate: (facts, { now }) => facts.expectedCloseDate < today(now)
      ? {
        en: `The expected close date ${facts.expectedCloseDate} has passed and the deal is still open.`,
        "zh-CN": `预计成交日期 ${facts.expectedCloseDate} 已过，商机仍未关闭。`,
      }
      : null,
  },
  CLOSE_DATE_PUSHED: {
    severity: "medium",
    evaluate: (facts) => facts.closeDatePushes >= 2
      ? {
        en: `The expected close date was pushed out ${facts.closeDatePushes} times.`,
        "zh-CN": `预计成交日期已被推迟 ${facts.closeDatePushes} 次。`,
      }
      : null,
  },
  AMOUNT_CUT: {
    severity: "medium",
    evaluate: (facts) => {
      const cut = facts.lastAmountCut;
      if (!cut) return null;
      const date = cut.at.toISOString().slice(0, 10);
      return {
        en: `The amount was cut from ${formatMoneyString(cut.before)} to ${formatMoneyString(cut.after)} on ${date}.`,
        "zh-CN": `金额于 ${date} 从 ${formatMoneyString(cut.before)} 下调至 ${formatMoneyString(cut.after)}。`,
      };
    },
  },
  NO_ACTIVITY: {
    severity: "low",
    evaluate: (facts, { now, config }) => {
      const last = facts.lastActivityAt ?? facts.createdAt;
      const days = Math.floor((now.getTime() - last.getTime()) / DAY_MS);
      if (days < config.noActivityDays) return null;
      return facts.lastActivityAt
        ? { en: `No activity for ${days} days (limit ${config.noActivityDays}).`, "zh-CN": `已 ${days} 天没有任何活动（上限 ${config.noActivityDays} 天）。` }
        : { en: `No activity logged in the ${days} days since the deal was created.`, "zh-CN": `商机创建 ${days} 天以来没有记录任何活动。` };
    },
  },
  GATE_EXCEPTIONS: {
    severity: "medium",
    evaluate: (facts) => facts.gateExceptions > 0
      ? {
        en: `Moved past ${facts.gateExceptions} unmet warning gate criteria.`,
        "zh-CN": `有 ${facts.gateExceptions} 项未满足的提醒类阶段门槛被跳过。`,
      }
      : null,
  },
  DECISION_STAGE_BEHIND: {
    severity: "high",
    evaluate: (facts, { table }) => {
      // The one alignment rule of the decision-cycle module: a deal ahead of its customer by `gap` stages.
      const actual = facts.customerDecisionStage;
      const alignment = decisionAlignment(facts.stage, actual, table);
      const expected = alignment.expectedStage;
      if (!isAheadOfCustomer(alignment) || !actual || !expected) return null;
      return {
        en: `${facts.stage} is ${alignment.gap} step(s) ahead of the customer: they are at "${DECISION_STAGE_NAMES[actual].en}", the stage expects "${DECISION_STAGE_NAMES[expected].en}".`,
        "zh-CN": `${facts.stage} 超前于客户 ${alignment.gap} 步：客户处于「${DECISION_STAGE_NAMES[actual]["zh-CN"]}」，该阶段应为「${DECISION_STAGE_NAMES[expected]["zh-CN"]}」。`,
      };
    },
  },
  BUYING_CENTER: {
    severity: "high",
    evaluate: (facts) => {
      const flags = facts.buyingCenterFlags ?? [];
      if (!flags.length) return null;
      return { en: flags.map((flag) => flag.message.en).join(" "), "zh-CN": flags.map((flag) => flag.message["zh-CN"]).join(" ") };
    },
  },
  FISHBONE_OVERDUE: {
    severity: "medium",
    evaluate: (facts) => (facts.overdueFishboneActions ?? 0) > 0
      ? {
        en: `${facts.overdueFishboneActions} fishbone action(s) are overdue.`,
        "zh-CN": `有 ${facts.overdueFishboneActions} 项鱼骨图改进行动已逾期。`,
      }
      : null,
  },
} satisfies Record<string, Rule>;

export type WarningRuleKey = keyof typeof RULES;
export const WARNING_RULE_KEYS = Object.keys(RULES) as WarningRuleKey[];

export const WARNING_RULE_NAMES: Readonly<Record<WarningRuleKey, LocalizedText>> = Object.freeze({
  STALLED: { en: "Stalled", "zh-CN": "停滞" },
  CLOSE_DATE_PASSED: { en: "Close date passed", "zh-CN": "成交日期已过" },
  CLOSE_DATE_PUSHED: { en: "Close date pushed", "zh-CN": "成交日期推迟" },
  AMOUNT_CUT: { en: "Amount cut", "zh-CN": "金额下调" },
  NO_ACTIVITY: { en: "No activity", "zh-CN": "无活动" },
  GATE_EXCEPTIONS: { en: "Gate exceptions", "zh-CN": "门槛例外" },
  DECISION_STAGE_BEHIND: { en: "Ahead of the customer", "zh-CN": "超前于客户" },
  BUYING_CENTER: { en: "Buying-center red flag", "zh-CN": "采购中心风险" },
  FISHBONE_OVERDUE: { en: "Overdue actions", "zh-CN": "行动逾期" },
});

export function isWarningRuleKey(value: string): value is WarningRuleKey {
  return (WARNING_RULE_KEYS as string[]).includes(value);
}

/** Every rule that fires on an open deal (closed deals — P7 and LOST — raise no warnings). */
export function evaluateWarnings(facts: DealFacts, context: WarningContext): Warning[] {
  if (!(OPEN_STAGE_KEYS as readonly StageKey[]).includes(facts.stage)) return [];
  return WARNING_RULE_KEYS.flatMap((rule) => {
    const definition: Rule = RULES[rule];
    const message = definition.evaluate(facts, context);
    return message ? [{ rule, severity: definition.severity, message }] : [];
  });
}
