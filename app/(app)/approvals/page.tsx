import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ApprovalInbox } from "@/components/approvals/approval-inbox";
import { listApprovals } from "@/lib/data/approvals";
import { getStageTable } from "@/lib/data/stage-config";
import { stageName, STAGE_KEYS, type StageKey } from "@/lib/domain/stages";
import { getI18n } from "@/lib/i18n/server";
import { getPageContext } from "../_lib/session";
import { decideApprovalAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getI18n();
  return { title: m.gatesUi.approvals.title };
}

/** Managers' and admins' inbox of pending stage approvals (reps see theirs on the deal page). */
export default async function ApprovalsPage() {
  const ctx = await getPageContext();
  if (ctx.role === "REP") notFound();
  const [{ locale }, stageTable, approvals] = await Promise.all([getI18n(), getStageTable(ctx), listApprovals(ctx, { status: "PENDING", limit: 200 })]);
  const stageNames = Object.fromEntries(STAGE_KEYS.map((key) => [key, stageName(key, locale, stageTable)])) as Record<StageKey, string>;
  return (
    <div className="mx-auto max-w-6xl">
      <ApprovalInbox approvals={approvals} stageNames={stageNames} decide={decideApprovalAction} />
    </div>
  );
}
