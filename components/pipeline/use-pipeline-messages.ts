import { useI18n } from "@/components/i18n/i18n-provider";
import type { Messages } from "@/messages/en";

export type PipelineMessages = Messages["pipeline"];

/** The board's strings (messages/*.ts, section `pipeline`) in the caller's language. */
export function usePipelineMessages(): PipelineMessages {
  return useI18n().m.pipeline;
}
