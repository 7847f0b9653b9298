// 阶段关卡（第 4 号需求）收尾部分的文案：被拒绝时逐条列出未满足条件及其处理链接，以及组织自定义的活动类型。
import type { Messages } from "../en";

export const gatesFinishZhCN: Messages["gatesFinish"] = {
  refusal: {
    lead: "未满足以下准入条件：",
    fix: {
      CHECKLIST: "勾选并附证据",
      APPROVAL: "申请审批",
      ACTIVITY: "记录活动",
      REQUIRED_FIELDS: "填写字段",
      other: "打开检查清单",
    },
    fixFor: "{action}：{criterion}",
    createLead: "在此阶段创建项目须满足以下准入条件。请先在较早阶段创建，再在项目页上逐条满足：",
  },
  activityTypes: {
    orgGroup: "本组织的活动类型",
  },
};
