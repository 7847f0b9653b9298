// Demo forecast data (issue 8): quotas for every demo seller and team for this quarter and the next, and a
// history of weekly forecast snapshots (last quarter and this one so far) so the accuracy report has content.
// Deterministic: quotas are derived from the seeded deals (rounded up to 100,000), snapshot values from what
// each subject actually won or has weighted in the period, scaled by a fixed per-week factor. Won and lost
// deals with their stage history come from seed-plan, which is what calibration reads.
import type { DbClient } from "../tests/factories";
import { currentQuarter, periodRange } from "../lib/domain/forecast";
import { Decimal, formatMoneyString } from "../lib/domain/money";
import { DEFAULT_STAGE_TABLE, type StageKey } from "../lib/domain/stages";

const DAY_MS = 86_400_000;
const QUOTA_STEP = 100_000;
// How far each weekly snapshot was from the final outcome: early weeks optimistic, later ones closer.
const WEEKLY_FACTORS = ["1.35", "1.22", "1.15", "0.92", "1.08", "1.03"];
// And each rep or team errs in their own way (by their position in the list, so still deterministic).
const SUBJECT_BIAS = ["1.00", "0.93", "1.06", "0.97", "1.11", "0.89"];

type SeededDeal = { ownerId: string; teamId: string | null; amount: string; stage: StageKey; expectedCloseDate: Date };
type Subject = { subjectType: "USER" | "TEAM"; subjectId: string };

/** The quarter `offset` quarters after the one containing `now` (YYYY-Qn). */
function quarterAt(now: number, offset: number): string {
  const date = new Date(now);
  const index = date.getUTCFullYear() * 4 + Math.floor(date.getUTCMonth() / 3) + offset;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

function dealsIn(deals: SeededDeal[], period: string, subject: Subject): SeededDeal[] {
  const range = periodRange(period) as { from: string; to: string };
  return deals.filter((deal) => {
    const close = deal.expectedCloseDate.toISOString().slice(0, 10);
    const mine = subject.subjectType === "USER" ? deal.ownerId === subject.subjectId : deal.teamId === subject.subjectId;
    return mine && close >= range.from && close <= range.to && deal.stage !== "LOST";
  });
}

const won = (deals: SeededDeal[]) => deals.filter((deal) => deal.stage === "P7").reduce((sum, deal) => sum.plus(deal.amount), new Decimal(0));
const weighted = (deals: SeededDeal[]) =>
  deals.reduce((sum, deal) => sum.plus(new Decimal(deal.amount).times(DEFAULT_STAGE_TABLE[deal.stage].probability)), new Decimal(0));

/** A quota a little above what the subject can reach: (won + weighted) × 1.2, rounded up, at least 500,000. */
function quotaFor(deals: SeededDeal[]): string {
  const target = won(deals).plus(weighted(deals)).times("1.2").div(QUOTA_STEP).ceil().times(QUOTA_STEP);
  return formatMoneyString(Decimal.max(target, 5 * QUOTA_STEP));
}

export async function seedForecast(
  tx: DbClient,
  input: { orgId: string; setById: string; userIds: string[]; teamIds: string[]; deals: SeededDeal[]; now: number },
) {
  const subjects: Subject[] = [
    ...input.teamIds.map((subjectId) => ({ subjectType: "TEAM" as const, subjectId })),
    ...input.userIds.map((subjectId) => ({ subjectType: "USER" as const, subjectId })),
  ];
  const thisQuarter = currentQuarter(new Date(input.now));
  const quotaPeriods = [thisQuarter, quarterAt(input.now, 1)];
  await tx.quota.createMany({
    data: quotaPeriods.flatMap((period) => subjects.map((subject) => ({
      orgId: input.orgId, ...subject, period, setById: input.setById, amount: quotaFor(dealsIn(input.deals, period, subject)),
    }))),
  });

  // Last quarter: its last six weekly snapshots, against the known outcome. This quarter: the weeks so far (≤ 6).
  const lastQuarter = quarterAt(input.now, -1);
  const lastEnd = Date.parse(`${(periodRange(lastQuarter) as { to: string }).to}T00:00:00Z`);
  const thisStart = Date.parse(`${(periodRange(thisQuarter) as { from: string }).from}T00:00:00Z`);
  const snapshots = subjects.flatMap((subject, index) => {
    const bias = SUBJECT_BIAS[index % SUBJECT_BIAS.length];
    const lastDeals = dealsIn(input.deals, lastQuarter, subject);
    const thisDeals = dealsIn(input.deals, thisQuarter, subject);
    const past = WEEKLY_FACTORS.map((weekly, week) => ({
      period: lastQuarter, takenAt: new Date(lastEnd - (WEEKLY_FACTORS.length - week) * 7 * DAY_MS),
      count: lastDeals.length, amount: won(lastDeals).times(weekly).times(bias), weightedAmount: won(lastDeals).times(weekly).times(bias),
    }));
    const current = WEEKLY_FACTORS.map((weekly, week) => ({
      period: thisQuarter, takenAt: new Date(thisStart + (week * 7 + 1) * DAY_MS),
      count: thisDeals.length, amount: won(thisDeals).plus(weighted(thisDeals)).times(weekly).times(bias), weightedAmount: won(thisDeals).plus(weighted(thisDeals)).times(weekly).times(bias),
    })).filter((snapshot) => snapshot.takenAt.getTime() < input.now);
    return [...past, ...current].map((snapshot) => ({
      orgId: input.orgId, ...subject, period: snapshot.period, kind: "AUTO" as const, takenAt: snapshot.takenAt, byUserId: null,
      count: snapshot.count, amount: formatMoneyString(snapshot.amount), weightedAmount: formatMoneyString(snapshot.weightedAmount), categories: {},
    }));
  });
  await tx.forecastSnapshot.createMany({ data: snapshots });
}
