import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { UserAdmin } from "@/components/admin/users/user-admin";
import { listAdminTeams } from "@/lib/data/admin-teams";
import { listAdminUsers } from "@/lib/data/admin-users";
import { formatDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { requireAdminPage } from "../_lib/guard";
import {
  createUserAction, deactivateUserAction, reactivateUserAction, reassignDealsAction, resetPasswordAction, updateUserAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getI18n();
  return { title: m.admin.users.title };
}

export default async function AdminUsersPage() {
  const ctx = await requireAdminPage("users.manage");
  const [{ locale }, users, teams] = await Promise.all([getI18n(), listAdminUsers(ctx), listAdminTeams(ctx)]);
  return (
    <div className="mx-auto max-w-6xl">
      <UserAdmin
        users={users.map((user) => ({ ...user, updatedLabel: formatDateTime(user.updatedAt, locale) }))}
        teams={teams.map((team) => ({ value: team.id, label: team.name }))}
        currentUserId={ctx.userId}
        nav={<AdminNav />}
        actions={{
          create: createUserAction,
          update: updateUserAction,
          deactivate: deactivateUserAction,
          reactivate: reactivateUserAction,
          reassign: reassignDealsAction,
          resetPassword: resetPasswordAction,
        }}
      />
    </div>
  );
}
