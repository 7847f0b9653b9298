// Gate criterion kinds of the buying center (issue 6), registered in lib/domain/gates.ts:
// - CONTACT_ROLE {role, minDegree}: someone in the deal's buying center plays `role` and the deal's people
//   hold at least `minDegree` with them;
// - NO_RED_FLAG {kind}: the red flag `kind` (computeRedFlags) is not open for the stage being entered.
import { z } from "zod";
import {
  computeRedFlags, CONTACT_ROLES, type ContactRole, DEGREE_NAMES, EMPTY_BUYING_CENTER, MAX_DEGREE, RED_FLAG_KINDS, RED_FLAG_NAMES,
  type RedFlagKind, ROLE_NAMES, strongestDegree,
} from "./buying-center";
import type { CriterionKind } from "./gates";
import { isStageKey, type LocalizedText } from "./stages";

const text = (en: string, zh: string): LocalizedText => ({ en, "zh-CN": zh });

export const contactRoleCriterion: CriterionKind<{ role: ContactRole; minDegree: number }> = {
  key: "CONTACT_ROLE",
  name: text("Contact in a role", "关键角色联系人"),
  configSchema: z.strictObject({
    role: z.enum(CONTACT_ROLES, { error: `Role is one of ${CONTACT_ROLES.join(", ")}.` }),
    minDegree: z.number().int({ error: "A whole degree 0–5." }).min(0, { error: "At least 0." }).max(MAX_DEGREE, { error: `At most ${MAX_DEGREE}.` }),
  }),
  evaluate: (config, facts) => {
    const center = facts.buyingCenter ?? EMPTY_BUYING_CENTER;
    const role = ROLE_NAMES[config.role];
    const degree = DEGREE_NAMES[config.minDegree];
    const inRole = center.contacts.filter((contact) => contact.roles.includes(config.role));
    const met = inRole.find((contact) => strongestDegree(center.relationships, contact.contactId) >= config.minDegree);
    if (met) {
      return { met: true, message: text(`${role.en}: ${met.name}.`, `${role["zh-CN"]}：${met.name}。`) };
    }
    return inRole.length
      ? {
        met: false,
        message: text(
          `Someone on the deal must reach degree ${config.minDegree} (${degree.en}) with the ${role.en.toLowerCase()}.`,
          `项目成员须与${role["zh-CN"]}达到 ${config.minDegree} 级关系（${degree["zh-CN"]}）。`,
        ),
      }
      : { met: false, message: text(`Name a ${role.en.toLowerCase()} in the buying center.`, `请在采购决策链中标明${role["zh-CN"]}。`) };
  },
};

export const noRedFlagCriterion: CriterionKind<{ kind: RedFlagKind }> = {
  key: "NO_RED_FLAG",
  name: text("No red flag", "无红旗预警"),
  configSchema: z.strictObject({ kind: z.enum(RED_FLAG_KINDS, { error: `Kind is one of ${RED_FLAG_KINDS.join(", ")}.` }) }),
  // Evaluated as of the stage being entered, so "no senior engaged by P4" can guard the P4 gate itself.
  evaluate: (config, facts, scope) => {
    const stage = isStageKey(scope.stage) && scope.stage !== "LOST" ? scope.stage : facts.stage;
    const flag = computeRedFlags(facts.buyingCenter ?? EMPTY_BUYING_CENTER, stage).find((item) => item.kind === config.kind);
    const name = RED_FLAG_NAMES[config.kind];
    return flag
      ? { met: false, message: text(`${name.en}: ${flag.message.en}`, `${name["zh-CN"]}：${flag.message["zh-CN"]}`) }
      : { met: true, message: text(`Clear: ${name.en.toLowerCase()}.`, `无此预警：${name["zh-CN"]}。`) };
  },
};
