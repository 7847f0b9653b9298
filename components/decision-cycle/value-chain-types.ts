import type { DecisionCycleOutput } from "@/lib/validations/decision-cycle";
import type { StageChangeOutput } from "@/lib/validations/opportunity";

/** What the value-chain page hands to its components (lib/data/value-chain.ts getValueChain plus the deal's name). */
export type ValueChainView = {
  name: string;
  cycle: DecisionCycleOutput;
  stages: StageChangeOutput[];
  activities: { id: string; type: string; subject: string; occurredAt: string }[];
};
