// The gate set a new organization starts with (METHOD.md §1, §3, §5), so the product enforces the method on
// day one; admins change it at /admin/gates. Deals already in a stage are not re-checked: gates apply to moves.
import type { GateMode } from "./gates";
import type { LocalizedText, StageKey } from "./stages";

export type DefaultGate = { stage: StageKey; kind: string; label: LocalizedText; config: Record<string, unknown>; mode: GateMode };

const label = (en: string, zh: string): LocalizedText => ({ en, "zh-CN": zh });

export const DEFAULT_GATE_SET: readonly DefaultGate[] = Object.freeze([
  // Locking the target means knowing what we sell and what it is worth.
  { stage: "P1", kind: "REQUIRED_FIELDS", label: label("Product line and amount filled in", "已填写产品线和金额"), config: { fields: ["productLine", "amount"] }, mode: "BLOCK" },
  // 立项: project initiation needs a manager's approval (§5).
  { stage: "P2", kind: "APPROVAL", label: label("Project initiation (立项) approved by a manager", "项目立项已获经理批准"), config: {}, mode: "BLOCK" },
  // The design exchange starts from our first proposal; a warning, since some customers skip it.
  { stage: "P3", kind: "ACTIVITY", label: label("First proposal submitted", "已提交初步方案"), config: { activityType: "PROPOSAL" }, mode: "WARN" },
  { stage: "P4", kind: "ACTIVITY", label: label("Needs survey logged", "已记录需求调研"), config: { activityType: "NEEDS_SURVEY" }, mode: "BLOCK" },
  { stage: "P5", kind: "CHECKLIST", label: label("Solution evaluated by the customer", "客户已完成方案评估"), config: {}, mode: "WARN" },
  { stage: "P6", kind: "CHECKLIST", label: label("Formal proposal on file", "正式方案已归档"), config: {}, mode: "BLOCK" },
  { stage: "P7", kind: "CHECKLIST", label: label("Signed contract on file", "已签合同已归档"), config: {}, mode: "WARN" },
]);
