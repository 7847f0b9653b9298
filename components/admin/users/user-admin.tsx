"use client";

import { UserPlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ReassignDialog } from "./reassign-dialog";
import type { AdminUserRow, Option, UserActions } from "./types";
import { UserFormDialog } from "./user-form-dialog";
import { UserTable } from "./user-table";

type UserAdminProps = {
  users: AdminUserRow[];
  teams: Option[];
  currentUserId: string;
  actions: UserActions;
  nav: ReactNode;
};

type Notice = { tone: "success" | "danger"; text: string } | null;

/** /admin/users: the table, the add/edit dialog, deactivation and the bulk reassignment of open deals. */
export function UserAdmin({ users, teams, currentUserId, actions, nav }: UserAdminProps) {
  const { m } = useI18n();
  const t = m.admin.users;
  const router = useRouter();
  const [editing, setEditing] = useState<AdminUserRow | null>(null);
  const [isFormOpen, setIsFormOpen] = useState(false);
  const [reassigning, setReassigning] = useState<AdminUserRow | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  const done = (text: string) => {
    setIsFormOpen(false);
    setReassigning(null);
    setNotice({ tone: "success", text });
    router.refresh();
  };
  const openForm = (user: AdminUserRow | null) => {
    setEditing(user);
    setNotice(null);
    setIsFormOpen(true);
  };
  const owners = users
    .filter((user) => user.isActive && user.id !== reassigning?.id)
    .map((user) => ({ value: user.id, label: `${user.name} · ${m.roles[user.role]}` }));

  return (
    <>
      <PageHeader
        eyebrow={m.admin.title}
        title={t.title}
        description={t.description}
        actions={
          <Button onClick={() => openForm(null)}>
            <UserPlus aria-hidden="true" />
            {t.add}
          </Button>
        }
      />
      {nav}
      {notice ? (
        <Alert tone={notice.tone} className="mb-4">
          {notice.text}
        </Alert>
      ) : null}
      <Card>
        {users.length ? (
          <UserTable
            users={users}
            currentUserId={currentUserId}
            onEdit={openForm}
            onReassign={setReassigning}
            onDone={done}
            onFailure={(text) => setNotice({ tone: "danger", text })}
            actions={actions}
          />
        ) : (
          <p className="px-5 py-10 text-center text-sm text-muted-foreground">{t.empty}</p>
        )}
      </Card>
      <UserFormDialog
        user={editing}
        isSelf={editing?.id === currentUserId}
        teams={teams}
        open={isFormOpen}
        onOpenChange={setIsFormOpen}
        onSaved={done}
        actions={actions}
      />
      <ReassignDialog
        user={reassigning}
        owners={owners}
        onOpenChange={(open) => (open ? undefined : setReassigning(null))}
        onDone={done}
        reassign={actions.reassign}
      />
    </>
  );
}
