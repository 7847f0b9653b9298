// `npm run stress:concurrency -- [--rounds 200] [--writers 50]`
// Optimistic concurrency under real contention, through the one stage-move path (moveOpportunityToStage):
// each round, `writers` concurrent moves of one deal, all with the same version → exactly one succeeds,
// the rest get 409 CONFLICT, and exactly one StageChange row is written. Then concurrent edits of different
// fields with the same version: one wins, the other gets 409 (never a silent lost update), and a retry with
// the fresh version keeps both changes. Exits non-zero on any violation.
import { performance } from "node:perf_hooks";
import { buildStressWorld, percentile, readFlag, startStressDatabase } from "./stress-world";

async function main() {
  const rounds = readFlag("rounds", 200);
  const writers = readFlag("writers", 50);
  const database = await startStressDatabase("stress-concurrency");
  try {
    const world = await buildStressWorld();
    const { moveOpportunityToStage, updateOpportunity } = await import("../lib/data/opportunities");
    const { isAppError } = await import("../lib/errors");
    const violations: string[] = [];
    const roundMs: number[] = [];
    let successes = 0;
    let conflicts = 0;
    for (let round = 0; round < rounds; round++) {
      const deal = await world.factories.buildOpportunity(world.db, {
        orgId: world.org.id, accountId: world.account.id, ownerId: world.rep.userId, teamId: world.team.id, stage: "P0",
      });
      const started = performance.now();
      const results = await Promise.allSettled(Array.from({ length: writers }, () =>
        moveOpportunityToStage(world.rep, deal.id, { to: "P1", version: deal.version, lossReason: null, reason: null })));
      roundMs.push(performance.now() - started);
      const ok = results.filter((result) => result.status === "fulfilled").length;
      const conflicted = results.filter((result) => result.status === "rejected" && isAppError(result.reason) && result.reason.code === "CONFLICT").length;
      const history = await world.db.stageChange.count({ where: { opportunityId: deal.id, fromStage: "P0", toStage: "P1" } });
      successes += ok;
      conflicts += conflicted;
      if (ok !== 1 || conflicted !== writers - 1 || history !== 1) {
        const other = results.find((result) => result.status === "rejected" && !(isAppError(result.reason) && result.reason.code === "CONFLICT"));
        violations.push(`round ${round}: ${ok} succeeded, ${conflicted} conflicts, ${history} history rows${other ? ` (${String((other as PromiseRejectedResult).reason)})` : ""}`);
      }
    }
    const sorted = [...roundMs].sort((a, b) => a - b);
    console.log(`Stage moves: ${rounds} rounds × ${writers} concurrent moves → ${successes} succeeded (expected ${rounds}), ` +
      `${conflicts} got 409 (expected ${rounds * (writers - 1)}); round p50 ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms.`);

    let editConflicts = 0;
    let lostUpdates = 0;
    for (let round = 0; round < rounds; round++) {
      const deal = await world.factories.buildOpportunity(world.db, {
        orgId: world.org.id, accountId: world.account.id, ownerId: world.rep.userId, teamId: world.team.id,
      });
      const name = `Renamed ${round}`;
      const amount = `${5000 + round}.00`;
      const edits = [
        () => updateOpportunity(world.rep, deal.id, { name, version: deal.version }),
        () => updateOpportunity(world.manager, deal.id, { amount, version: deal.version }),
      ];
      const results = await Promise.allSettled(edits.map((edit) => edit()));
      const failed = results.map((result, index) => ({ result, index })).filter(({ result }) => result.status === "rejected");
      for (const { result } of failed) {
        const reason = (result as PromiseRejectedResult).reason;
        if (isAppError(reason) && reason.code === "CONFLICT") editConflicts++;
        else violations.push(`edit round ${round}: ${String(reason)}`);
      }
      // The loser re-reads and retries, as a client told 409 does.
      for (const { index } of failed) {
        const current = await world.db.opportunity.findUniqueOrThrow({ where: { id: deal.id } });
        const retry = index === 0 ? { name, version: current.version } : { amount, version: current.version };
        await updateOpportunity(index === 0 ? world.rep : world.manager, deal.id, retry);
      }
      const final = await world.db.opportunity.findUniqueOrThrow({ where: { id: deal.id } });
      if (final.name !== name || final.amount.toFixed(2) !== amount) lostUpdates++;
    }
    console.log(`Concurrent edits of different fields: ${rounds} rounds → ${editConflicts} answered 409 (the rest serialised), ` +
      `${lostUpdates} lost updates after the loser's retry (expected 0).`);
    if (lostUpdates) violations.push(`${lostUpdates} lost updates`);
    if (violations.length) {
      console.error(`VIOLATIONS (${violations.length}):\n${violations.slice(0, 20).join("\n")}`);
      process.exitCode = 1;
    } else {
      console.log("OK: exactly one move per round, one history row, no silent lost update.");
    }
    await world.db.$disconnect();
  } finally {
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
