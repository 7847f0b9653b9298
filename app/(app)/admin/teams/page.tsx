import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { TeamAdmin } from "@/components/admin/teams/team-admin";
import { listAdminTeams } from "@/lib/data/admin-teams";
import { listAdminUsers } from "@/lib/data/admin-users";
import { getI18n } from "@/lib/i18n/server";
import { requireAdminPage } from "../_lib/guard";
import { createTeamAction, updateTeamAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getI18n();
  return { title: m.admin.teams.title };
}

export default async function AdminTeamsPage() {
  const ctx = await requireAdminPage("teams.manage");
  const [teams, users] = await Promise.all([listAdminTeams(ctx), listAdminUsers(ctx)]);
  const people = users.map((user) => ({ value: user.id, label: user.name, isActive: user.isActive, canManage: user.role !== "REP" }));
  return (
    <div className="mx-auto max-w-6xl">
      <TeamAdmin teams={teams} people={people} actions={{ create: createTeamAction, update: updateTeamAction }} nav={<AdminNav />} />
    </div>
  );
}
