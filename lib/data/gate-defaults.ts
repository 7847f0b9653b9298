// Writes the default gate set (lib/domain/gate-defaults.ts) for a new organization: called by org sign-up
// and by the demo seed. Deliberately not 'server-only' and free of lib/db: the seed runs it in plain Node
// (tsx) inside its own transaction, so it takes any Prisma transaction client (and imports relatively).
import { DEFAULT_GATE_SET } from "../domain/gate-defaults";
import type { Prisma } from "../generated/prisma/client";

export async function createDefaultGates(tx: Prisma.TransactionClient, orgId: string): Promise<number> {
  const orderInStage = new Map<string, number>();
  const result = await tx.gateCriterion.createMany({
    data: DEFAULT_GATE_SET.map((gate) => {
      const order = orderInStage.get(gate.stage) ?? 0;
      orderInStage.set(gate.stage, order + 1);
      return {
        orgId, stage: gate.stage, kind: gate.kind, labelEn: gate.label.en, labelZh: gate.label["zh-CN"],
        config: gate.config as Prisma.InputJsonValue, mode: gate.mode, order,
      };
    }),
  });
  return result.count;
}
