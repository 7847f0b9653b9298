"use server";

import { revalidatePath } from "next/cache";
import { parseWith } from "@/lib/api/http";
import { createTeam, updateTeam } from "@/lib/data/admin-teams";
import { teamCreateSchema, teamUpdateSchema } from "@/lib/validations/admin";
import { runAction } from "../../_lib/action";

// Team administration from /admin/teams: the same data functions as /api/v1/admin/teams.

export async function createTeamAction(input: unknown) {
  return runAction(async (ctx) => {
    const team = await createTeam(ctx, parseWith(teamCreateSchema, input));
    revalidatePath("/admin", "layout");
    return { id: team.id, name: team.name };
  });
}

export async function updateTeamAction(id: string, input: unknown) {
  return runAction(async (ctx) => {
    const team = await updateTeam(ctx, String(id), parseWith(teamUpdateSchema, input));
    revalidatePath("/admin", "layout");
    return { id: team.id, name: team.name };
  });
}
