import type { Messages } from "../en";

export const closeOutFlowsZhCN: Messages["closeOutFlows"] = {
  bulk: {
    title: "项目总结",
    hint: "输单须填写项目总结。此总结将写入所选的 {count} 个商机，每个商机在各自的阶段变更中写入；无法写入的商机保持原阶段，并列出原因。",
  },
  create: {
    title: "项目总结",
    hint: "直接创建为输单的商机与移至输单一样，须填写项目总结。商机上显示的输单原因即主要原因。",
  },
};
