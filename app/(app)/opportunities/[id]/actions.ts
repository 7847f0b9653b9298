"use server";

import { revalidatePath } from "next/cache";
import { parseWith } from "@/lib/api/http";
import { listOpportunityActivities, logOpportunityActivity } from "@/lib/data/activities";
import { getOpportunity, updateOpportunity } from "@/lib/data/opportunities";
import { replaceOpportunityTeam } from "@/lib/data/opportunity-team";
import { activityCreateSchema, activityListQuerySchema } from "@/lib/validations/activity";
import { opportunityUpdateSchema } from "@/lib/validations/opportunity";
import { teamReplaceSchema } from "@/lib/validations/opportunity-team";
import { runAction } from "../../_lib/action";

// Server actions of the deal workspace. Each is a public endpoint: runAction authenticates, the shared zod
// schema parses, and lib/data authorizes — the same functions and rules as REST API v1.

/** In-place edit of key fields against the version the page showed; a stale version is a CONFLICT. */
export async function saveKeyFieldsAction(id: string, input: unknown) {
  return runAction(async (ctx) => {
    const updated = await updateOpportunity(ctx, String(id), parseWith(opportunityUpdateSchema, input));
    revalidatePath(`/opportunities/${updated.id}`);
    return updated;
  });
}

/** The deal as stored now: shown beside the user's own change after a conflict. */
export async function loadCurrentDealAction(id: string) {
  return runAction((ctx) => getOpportunity(ctx, String(id)));
}

export async function logActivityAction(id: string, input: unknown) {
  return runAction(async (ctx) => {
    const activity = await logOpportunityActivity(ctx, String(id), parseWith(activityCreateSchema, input));
    revalidatePath(`/opportunities/${activity.opportunityId}`);
    return activity;
  });
}

export async function loadOlderActivitiesAction(id: string, cursor: string) {
  return runAction((ctx) => listOpportunityActivities(ctx, String(id), parseWith(activityListQuerySchema, { cursor: String(cursor) })));
}

export async function replaceTeamAction(id: string, input: unknown) {
  return runAction(async (ctx) => {
    const team = await replaceOpportunityTeam(ctx, String(id), parseWith(teamReplaceSchema, input));
    revalidatePath(`/opportunities/${id}`);
    return team;
  });
}
