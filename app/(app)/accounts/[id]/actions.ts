"use server";

import { revalidatePath } from "next/cache";
import { parseWith } from "@/lib/api/http";
import { changeAccountDecisionStage } from "@/lib/data/account-decision";
import { listAccountActivities } from "@/lib/data/activities";
import { activityListQuerySchema } from "@/lib/validations/activity";
import { decisionStageChangeSchema } from "@/lib/validations/decision-cycle";
import { runAction } from "../../_lib/action";

// "Show older" on the account timeline: a public endpoint like every action; lib/data keeps activities of
// deals the caller cannot see out of it.
export async function loadOlderAccountActivitiesAction(accountId: string, cursor: string) {
  return runAction((ctx) => listAccountActivities(ctx, String(accountId), parseWith(activityListQuerySchema, { cursor: String(cursor) })));
}

/** A key account's own decision stage: the same data function and rules as for every other caller. */
export async function changeAccountDecisionStageAction(accountId: string, input: unknown) {
  return runAction(async (ctx) => {
    const decision = await changeAccountDecisionStage(ctx, String(accountId), parseWith(decisionStageChangeSchema, input));
    revalidatePath(`/accounts/${accountId}`);
    return { stage: decision.stage };
  });
}
