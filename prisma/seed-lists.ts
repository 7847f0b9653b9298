// The demo orgs' admin-maintained lists (issue 4): the defaults every new org gets, with the product lines,
// segments, regions, industries and loss reasons the demo data itself uses — so each value stored on a
// demo record has its item, labelled in both languages.
import { buildOrgListRows, DEFAULT_ORG_LISTS, keyFromLabel, type OrgListItemSeed, type OrgListKey } from "../lib/domain/org-lists";
import type { DbClient } from "../tests/factories";
import { DEMO_ACCOUNTS, LOSS_REASONS, OTHER_ACCOUNTS, PRODUCT_LINES, REGION_TEAM, SEGMENTS } from "./seed-catalog";

/** Chinese labels (and short keys for the sentence-like loss reasons) of the demo catalogue's own wording. */
const DEMO_LABELS: Record<string, { zh: string; key?: string }> = {
  Switchgear: { zh: "开关设备" },
  Transformers: { zh: "变压器" },
  "SCADA Software": { zh: "SCADA 软件" },
  "Service Contracts": { zh: "服务合同" },
  "Energy Storage": { zh: "储能系统" },
  "Lost on price to a local competitor": { zh: "价格不敌本地竞争对手", key: "PRICE_LOCAL_COMPETITOR" },
  "Customer postponed the project indefinitely": { zh: "客户无限期推迟项目", key: "PROJECT_POSTPONED" },
  "Competitor had a reference site in the same group": { zh: "竞争对手在同一集团有样板点", key: "COMPETITOR_REFERENCE_SITE" },
  "Technical specification favoured a competitor": { zh: "技术规格偏向竞争对手", key: "SPEC_FAVOURED_COMPETITOR" },
  "Budget cut after the customer's restructuring": { zh: "客户重组后削减预算", key: "BUDGET_CUT_RESTRUCTURING" },
  "Too weak a relationship with the decision maker": { zh: "与决策人关系太弱", key: "WEAK_DECISION_MAKER_RELATION" },
};

function withLabels(list: OrgListKey, englishLabels: readonly string[]): OrgListItemSeed[] {
  const known = new Map(DEFAULT_ORG_LISTS[list].map((item) => [item.labelEn, item.labelZh]));
  return [...new Set(englishLabels)].map((labelEn) => ({
    key: DEMO_LABELS[labelEn]?.key ?? keyFromLabel(labelEn),
    labelEn,
    labelZh: known.get(labelEn) ?? DEMO_LABELS[labelEn]?.zh ?? labelEn,
  }));
}

/** The defaults first, then any catalogue value the defaults lack, in the catalogue's order. */
function merged(list: OrgListKey, englishLabels: readonly string[]): OrgListItemSeed[] {
  const defaults = DEFAULT_ORG_LISTS[list];
  const present = new Set(defaults.map((item) => item.labelEn));
  return [...defaults, ...withLabels(list, englishLabels.filter((label) => !present.has(label)))];
}

export const DEMO_ORG_LISTS: Record<OrgListKey, OrgListItemSeed[]> = {
  PRODUCT_LINE: withLabels("PRODUCT_LINE", PRODUCT_LINES.map((line) => line.name)),
  SEGMENT: merged("SEGMENT", SEGMENTS),
  REGION: merged("REGION", Object.keys(REGION_TEAM)),
  INDUSTRY: merged("INDUSTRY", [...DEMO_ACCOUNTS, ...OTHER_ACCOUNTS].map(([, , industry]) => industry)),
  // The reasons the demo's lost deals carry, so a later loss-reason select matches what is stored.
  LOSS_REASON: withLabels("LOSS_REASON", LOSS_REASONS),
  ACTIVITY_TYPE: DEFAULT_ORG_LISTS.ACTIVITY_TYPE,
  WIN_REASON: DEFAULT_ORG_LISTS.WIN_REASON,
};

export async function seedOrgLists(tx: DbClient, orgId: string): Promise<void> {
  await tx.orgListItem.createMany({ data: buildOrgListRows(orgId, DEMO_ORG_LISTS) });
}
