// The demo orgs' admin-maintained lists (issue 4): the defaults every new org gets, with the product lines,
// segments, regions, industries and loss reasons the demo data itself uses — so each value stored on a
// demo record has its item, labelled in both languages.
import { buildOrgListRows, DEFAULT_ORG_LISTS, keyFromLabel, type OrgListItemSeed, type OrgListKey } from "../lib/domain/org-lists";
import type { DbClient } from "../tests/factories";
import { DEMO_ACCOUNTS, LOSS_REASONS, OTHER_ACCOUNTS, PRODUCT_LINES, REGION_TEAM, SEGMENTS } from "./seed-catalog";

/** Chinese labels of the demo catalogue's own wording (the generic ones come from the defaults). */
const DEMO_ZH: Record<string, string> = {
  Switchgear: "开关设备",
  Transformers: "变压器",
  "SCADA Software": "SCADA 软件",
  "Service Contracts": "服务合同",
  "Energy Storage": "储能系统",
  "Lost on price to a local competitor": "价格不敌本地竞争对手",
  "Customer postponed the project indefinitely": "客户无限期推迟项目",
  "Competitor had a reference site in the same group": "竞争对手在同一集团有样板点",
  "Technical specification favoured a competitor": "技术规格偏向竞争对手",
  "Budget cut after the customer's restructuring": "客户重组后削减预算",
  "Too weak a relationship with the decision maker": "与决策人关系太弱",
};

function withLabels(list: OrgListKey, englishLabels: readonly string[]): OrgListItemSeed[] {
  const known = new Map(DEFAULT_ORG_LISTS[list].map((item) => [item.labelEn, item.labelZh]));
  return [...new Set(englishLabels)].map((labelEn) => ({
    key: keyFromLabel(labelEn),
    labelEn,
    labelZh: known.get(labelEn) ?? DEMO_ZH[labelEn] ?? labelEn,
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
};

export async function seedOrgLists(tx: DbClient, orgId: string): Promise<void> {
  await tx.orgListItem.createMany({ data: buildOrgListRows(orgId, DEMO_ORG_LISTS) });
}
