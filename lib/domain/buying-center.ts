// The buying center (METHOD.md §4): the customer's people in a deal, their roles, stance and level, and the
// relationships our people hold with them. Two pure rules live here and nowhere else:
// - computeRedFlags: the deal's open red flags (shown on the deal, fed to gates, health and warnings);
// - findCoverageGaps: the holes of the fishing-net map (渔网图).
// Both read the same "covered" rule (isCovered), so the map and the flags never disagree.
import { type LocalizedText, PIPELINE_STAGE_KEYS, type StageKey } from "./stages";

export const CONTACT_LEVELS = ["SENIOR", "MIDDLE", "WORKING"] as const;
export type ContactLevel = (typeof CONTACT_LEVELS)[number];
export const CONTACT_ROLES = ["DECISION_MAKER", "TECH_GATEKEEPER", "USER", "COMMERCIAL", "INFLUENCER", "COACH"] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];
export const CONTACT_STANCES = ["SUPPORTER", "NEUTRAL", "OPPONENT"] as const;
export type ContactStance = (typeof CONTACT_STANCES)[number];

export const MIN_DEGREE = 0;
export const MAX_DEGREE = 5;
export const RELATIONSHIP_DEGREES = [0, 1, 2, 3, 4, 5] as const;

const text = (en: string, zh: string): LocalizedText => ({ en, "zh-CN": zh });

/** Relationship degree names (METHOD.md §4, our reading). */
export const DEGREE_NAMES: Readonly<Record<number, LocalizedText>> = {
  0: text("unknown", "未接触"),
  1: text("acquainted", "认识"),
  2: text("contacted", "接触"),
  3: text("trusted", "信任"),
  4: text("supporter", "支持"),
  5: text("coach / ally", "教练/同盟"),
};

export const ROLE_NAMES: Readonly<Record<ContactRole, LocalizedText>> = {
  DECISION_MAKER: text("Decision maker", "决策者"),
  TECH_GATEKEEPER: text("Technical gatekeeper", "技术把关者"),
  USER: text("User", "使用者"),
  COMMERCIAL: text("Commercial / procurement", "商务"),
  INFLUENCER: text("Influencer", "影响者"),
  COACH: text("Coach", "教练"),
};

export const LEVEL_NAMES: Readonly<Record<ContactLevel, LocalizedText>> = {
  SENIOR: text("Senior", "高层"),
  MIDDLE: text("Middle", "中层"),
  WORKING: text("Working", "基层"),
};

export const STANCE_NAMES: Readonly<Record<ContactStance, LocalizedText>> = {
  SUPPORTER: text("Supporter", "支持者"),
  NEUTRAL: text("Neutral", "中立"),
  OPPONENT: text("Opponent", "反对者"),
};

/**
 * A contact counts as covered (engaged) when one of our people holds degree ≥ 2 ("contacted" 接触) with
 * them: merely knowing a name (1) is not a relationship anyone can work with.
 */
export const COVERAGE_MIN_DEGREE = 2;

/** Roles that decide or can veto: an opponent holding one is a red flag. */
export const DECISION_ROLES: readonly ContactRole[] = ["DECISION_MAKER", "TECH_GATEKEEPER", "COMMERCIAL"];

/** The stage by which a senior contact must be engaged (P4 高层突破, "break through to senior management"). */
export const SENIOR_ENGAGEMENT_STAGE: StageKey = "P4";

export type BuyingCenterContact = {
  contactId: string;
  name: string;
  level: ContactLevel | null;
  roles: readonly ContactRole[];
  stance: ContactStance | null;
};

/** A relationship one of our people (userId) holds with a contact now. */
export type HeldRelationship = { userId: string; contactId: string; degree: number };

/**
 * What the red flags read: the deal's buying center and the relationships the deal's own people (owner and
 * project team) hold with those contacts. Loaded by lib/data/buying-center-facts.ts.
 */
export type BuyingCenterFacts = {
  contacts: readonly BuyingCenterContact[];
  relationships: readonly HeldRelationship[];
};

export const EMPTY_BUYING_CENTER: BuyingCenterFacts = Object.freeze({ contacts: [], relationships: [] });

/** The strongest degree any of the given relationships holds with the contact (0 when none). */
export function strongestDegree(relationships: readonly HeldRelationship[], contactId: string): number {
  let best = MIN_DEGREE;
  for (const relationship of relationships) {
    if (relationship.contactId === contactId && relationship.degree > best) best = relationship.degree;
  }
  return best;
}

export function isCovered(relationships: readonly HeldRelationship[], contactId: string): boolean {
  return strongestDegree(relationships, contactId) >= COVERAGE_MIN_DEGREE;
}

/** Our people holding at least one covering relationship with the given contacts. */
export function coveringHolders(relationships: readonly HeldRelationship[], contactIds: ReadonlySet<string>): string[] {
  const holders = new Set<string>();
  for (const relationship of relationships) {
    if (contactIds.has(relationship.contactId) && relationship.degree >= COVERAGE_MIN_DEGREE) holders.add(relationship.userId);
  }
  return [...holders].sort();
}

export const RED_FLAG_KINDS = ["NO_DECISION_MAKER", "NO_SENIOR_ENGAGED", "OPPONENT_IN_DECISION_ROLE", "NO_COACH", "SINGLE_THREADED"] as const;
export type RedFlagKind = (typeof RED_FLAG_KINDS)[number];

export const RED_FLAG_NAMES: Readonly<Record<RedFlagKind, LocalizedText>> = {
  NO_DECISION_MAKER: text("No decision maker identified", "未识别决策者"),
  NO_SENIOR_ENGAGED: text("No senior contact engaged by P4", "P4 前未突破高层"),
  OPPONENT_IN_DECISION_ROLE: text("Opponent in a decision role", "决策角色中有反对者"),
  NO_COACH: text("No coach", "没有教练"),
  SINGLE_THREADED: text("Single-threaded", "单线联系"),
};

export type RedFlag = { kind: RedFlagKind; message: LocalizedText; contactIds: string[] };

const pipelineIndex = (stage: StageKey) => (PIPELINE_STAGE_KEYS as readonly StageKey[]).indexOf(stage);

/**
 * THE red-flag rule. `stage` is where the deal is (or, for a gate, the stage it is entering). A lost deal
 * has no open flags. Flags come in RED_FLAG_KINDS order; contactIds name the people a flag is about.
 */
export function computeRedFlags(facts: BuyingCenterFacts, stage: StageKey): RedFlag[] {
  if (stage === "LOST") return [];
  const flags: RedFlag[] = [];
  const contacts = facts.contacts;
  if (!contacts.some((contact) => contact.roles.includes("DECISION_MAKER"))) {
    flags.push({
      kind: "NO_DECISION_MAKER", contactIds: [],
      message: text("Nobody in the buying center is marked as the decision maker.", "采购决策链中尚未标明决策者。"),
    });
  }
  const seniors = contacts.filter((contact) => contact.level === "SENIOR");
  if (pipelineIndex(stage) >= pipelineIndex(SENIOR_ENGAGEMENT_STAGE) && !seniors.some((contact) => isCovered(facts.relationships, contact.contactId))) {
    flags.push({
      kind: "NO_SENIOR_ENGAGED", contactIds: seniors.map((contact) => contact.contactId),
      message: text(
        `From ${SENIOR_ENGAGEMENT_STAGE} on, someone on the deal must hold at least a "contacted" relationship with a senior contact.`,
        `${SENIOR_ENGAGEMENT_STAGE} 起，项目成员须至少与一位高层达到"接触"程度。`,
      ),
    });
  }
  const opponents = contacts.filter((contact) => contact.stance === "OPPONENT" && contact.roles.some((role) => DECISION_ROLES.includes(role)));
  if (opponents.length) {
    flags.push({
      kind: "OPPONENT_IN_DECISION_ROLE", contactIds: opponents.map((contact) => contact.contactId),
      message: text(
        `Opposed to us in a decision role: ${opponents.map((contact) => contact.name).join(", ")}.`,
        `决策角色中反对我们的人：${opponents.map((contact) => contact.name).join("、")}。`,
      ),
    });
  }
  if (!contacts.some((contact) => contact.roles.includes("COACH"))) {
    flags.push({ kind: "NO_COACH", contactIds: [], message: text("Nobody in the buying center coaches us.", "采购决策链中没有我们的教练。") });
  }
  const holders = coveringHolders(facts.relationships, new Set(contacts.map((contact) => contact.contactId)));
  if (contacts.length > 0 && holders.length <= 1) {
    flags.push({
      kind: "SINGLE_THREADED", contactIds: [],
      message: holders.length
        ? text("One person on our side holds every relationship in this deal.", "本项目所有客户关系都掌握在我方一个人手里。")
        : text("Nobody on the deal holds a working relationship with the buying center.", "项目成员与采购决策链中的任何人都没有有效关系。"),
    });
  }
  return flags;
}

export const GAP_KINDS = ["NO_DECISION_MAKER", "UNCOVERED_DECISION_MAKER", "UNCOVERED_SENIOR", "SINGLE_THREADED"] as const;
export type GapKind = (typeof GAP_KINDS)[number];
export type CoverageGap = { kind: GapKind; contactId?: string; message: LocalizedText };

/**
 * The holes of the fishing-net map: decision makers and senior contacts none of `ourPeople` covers, a
 * buying center without a decision maker, and a net held by one person. A covered contact is never a gap.
 */
export function findCoverageGaps(
  contacts: readonly BuyingCenterContact[], ourPeople: readonly string[], relationships: readonly HeldRelationship[],
): CoverageGap[] {
  const ours = new Set(ourPeople);
  const held = relationships.filter((relationship) => ours.has(relationship.userId));
  const gaps: CoverageGap[] = [];
  if (contacts.length && !contacts.some((contact) => contact.roles.includes("DECISION_MAKER"))) {
    gaps.push({ kind: "NO_DECISION_MAKER", message: text("No decision maker is identified.", "尚未识别决策者。") });
  }
  for (const contact of contacts) {
    if (isCovered(held, contact.contactId)) continue;
    if (contact.roles.includes("DECISION_MAKER")) {
      gaps.push({
        kind: "UNCOVERED_DECISION_MAKER", contactId: contact.contactId,
        message: text(`Decision maker ${contact.name} is not covered by anyone of ours.`, `决策者 ${contact.name} 无我方人员覆盖。`),
      });
    } else if (contact.level === "SENIOR") {
      gaps.push({
        kind: "UNCOVERED_SENIOR", contactId: contact.contactId,
        message: text(`Senior contact ${contact.name} is not covered by anyone of ours.`, `高层 ${contact.name} 无我方人员覆盖。`),
      });
    }
  }
  const holders = coveringHolders(held, new Set(contacts.map((contact) => contact.contactId)));
  if (holders.length === 1) {
    gaps.push({
      kind: "SINGLE_THREADED",
      message: text("Single-threaded: one person of ours holds every working relationship.", "单线联系：所有有效关系都在我方一个人手里。"),
    });
  }
  return gaps;
}
