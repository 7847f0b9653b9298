"use server";

import { parseWith } from "@/lib/api/http";
import { listAccountActivities } from "@/lib/data/activities";
import { activityListQuerySchema } from "@/lib/validations/activity";
import { runAction } from "../../_lib/action";

// "Show older" on the account timeline: a public endpoint like every action; lib/data keeps activities of
// deals the caller cannot see out of it.
export async function loadOlderAccountActivitiesAction(accountId: string, cursor: string) {
  return runAction((ctx) => listAccountActivities(ctx, String(accountId), parseWith(activityListQuerySchema, { cursor: String(cursor) })));
}
