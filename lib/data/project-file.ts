// The project file (档案) of one deal: everything the printable page and its PDF show, gathered once through
// the data functions that own each part (so the deal's visibility rule covers all of it).
import "server-only";
import { db } from "@/lib/db";
import { listOpenFishboneActions } from "@/lib/domain/fishbone";
import { listItemLabel } from "@/lib/domain/org-lists";
import type { StageTable } from "@/lib/domain/stages";
import type { Ctx } from "@/lib/permissions";
import type { HealthScoreOutput } from "@/lib/validations/analysis";
import type { OpportunityOutput, StageChangeOutput } from "@/lib/validations/opportunity";
import type { TeamOutput } from "@/lib/validations/opportunity-team";
import { getAccount } from "./accounts";
import { listOpportunityActivities } from "./activities";
import { type AnalysisDocument, getAnalysisDocument } from "./analysis";
import { recordAudit } from "./audit";
import { type CloseOutReview, getCloseOutReview } from "./close-out";
import { getHealthScore } from "./health";
import { getOpportunity, listStageHistory } from "./opportunities";
import { getOpportunityTeam } from "./opportunity-team";
import { getStageTable } from "./stage-config";

/** How many of the latest activities the file lists. */
export const PROJECT_FILE_ACTIVITIES = 100;

export type ProjectFile = {
  deal: OpportunityOutput;
  industry: string | null;
  stageTable: StageTable;
  history: StageChangeOutput[];
  activities: { id: string; occurredAt: string; subject: string; typeName: { en: string; "zh-CN": string }; userName: string }[];
  team: TeamOutput["members"];
  score: HealthScoreOutput;
  positioning: AnalysisDocument<"POSITIONING">;
  fishbone: AnalysisDocument<"FISHBONE">;
  openActions: ReturnType<typeof listOpenFishboneActions>;
  swot: AnalysisDocument<"SWOT">;
  competitors: AnalysisDocument<"COMPETITORS">;
  /** The review with its reasons' labels in the reader's language. */
  review: (CloseOutReview & { primaryLabel: string; secondaryLabels: string[] }) | null;
  /** Names of the people the analysis names (owners of causes and strategies). */
  userNames: Record<string, string>;
};

export async function loadProjectFile(ctx: Ctx, opportunityId: string): Promise<ProjectFile> {
  const deal = await getOpportunity(ctx, opportunityId);
  const id = deal.id;
  const [stageTable, account, history, activities, team, score, positioning, fishbone, swot, competitors, review] = await Promise.all([
    getStageTable(ctx), getAccount(ctx, deal.accountId), listStageHistory(ctx, id), listOpportunityActivities(ctx, id, { limit: PROJECT_FILE_ACTIVITIES }),
    getOpportunityTeam(ctx, id), getHealthScore(ctx, id), getAnalysisDocument(ctx, id, "POSITIONING"), getAnalysisDocument(ctx, id, "FISHBONE"),
    getAnalysisDocument(ctx, id, "SWOT"), getAnalysisDocument(ctx, id, "COMPETITORS"), getCloseOutReview(ctx, id),
  ]);
  const ownerIds = [
    ...fishbone.categories.flatMap((category) => category.causes.map((cause) => cause.ownerId)),
    ...swot.strategies.map((strategy) => strategy.ownerId),
  ].filter((value): value is string => Boolean(value));
  const [users, reasons] = await Promise.all([
    db.user.findMany({ where: { orgId: ctx.orgId, id: { in: [...new Set(ownerIds)] } }, select: { id: true, name: true } }),
    review
      ? db.orgListItem.findMany({ where: { orgId: ctx.orgId, list: review.outcome === "WON" ? "WIN_REASON" : "LOSS_REASON" }, select: { key: true, labelEn: true, labelZh: true } })
      : Promise.resolve([]),
  ]);
  const reasonLabel = (key: string) => {
    const item = reasons.find((candidate) => candidate.key === key);
    return item ? listItemLabel(item, ctx.locale) : key;
  };
  return {
    deal, industry: account.industry, stageTable, history, team: team.members, score, positioning, fishbone, swot, competitors,
    activities: activities.data.map(({ id: activityId, occurredAt, subject, typeName, userName }) => ({ id: activityId, occurredAt, subject, typeName, userName })),
    openActions: listOpenFishboneActions(fishbone),
    review: review ? { ...review, primaryLabel: reasonLabel(review.primaryReason), secondaryLabels: review.secondaryReasons.map(reasonLabel) } : null,
    userNames: Object.fromEntries(users.map((user) => [user.id, user.name])),
  };
}

/** Taking a deal's whole file out of the system as a PDF is an export: audited like the CSV export. */
export async function recordProjectFileExport(ctx: Ctx, opportunityId: string): Promise<void> {
  await recordAudit(db, ctx, { action: "opportunity.fileExport", entityType: "Opportunity", entityId: opportunityId, after: { format: "pdf" } });
}
