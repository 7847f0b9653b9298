import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { StageKey } from "@/lib/domain/stages";

// Colour follows progress through the pipeline: cool and grey early, indigo mid-way, green when won,
// red when lost. Only colour is decided here; names and probabilities come from the stage module.
const TONES: Record<StageKey, BadgeTone> = {
  P0: "neutral",
  P1: "neutral",
  P2: "info",
  P3: "info",
  P4: "primary",
  P5: "primary",
  P6: "violet",
  P7: "success",
  LOST: "danger",
};

export function StageBadge({ stage, label, className }: { stage: StageKey; label: string; className?: string }) {
  return (
    <Badge tone={TONES[stage]} className={className} data-stage={stage}>
      {label}
    </Badge>
  );
}
