"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { AdminUserRow, UserActions } from "./types";
import { PasswordResetButton } from "./password-reset-button";
import { UserStatusButton } from "./user-status-button";

const ROLE_TONE: Record<AdminUserRow["role"], BadgeTone> = { REP: "neutral", MANAGER: "info", ADMIN: "violet" };

type UserTableProps = {
  users: AdminUserRow[];
  currentUserId: string;
  onEdit: (user: AdminUserRow) => void;
  onReassign: (user: AdminUserRow) => void;
  onDone: (message: string) => void;
  onFailure: (message: string) => void;
  actions: Pick<UserActions, "deactivate" | "reactivate" | "resetPassword">;
};

export function UserTable({ users, currentUserId, onEdit, onReassign, onDone, onFailure, actions }: UserTableProps) {
  const { m } = useI18n();
  const t = m.admin.users;
  return (
    <Table>
      <caption className="sr-only">{t.title}</caption>
      <TableHead>
        <tr>
          <TableHeaderCell>{t.name}</TableHeaderCell>
          <TableHeaderCell>{t.role}</TableHeaderCell>
          <TableHeaderCell>{t.teams}</TableHeaderCell>
          <TableHeaderCell>{t.status}</TableHeaderCell>
          <TableHeaderCell className="text-right">{t.openDeals}</TableHeaderCell>
          <TableHeaderCell>{t.lastChange}</TableHeaderCell>
          <TableHeaderCell className="text-right">
            <span className="sr-only">{m.admin.actions}</span>
          </TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {users.map((user) => {
          const isSelf = user.id === currentUserId;
          return (
            <TableRow key={user.id} className={user.isActive ? undefined : "bg-muted/30"}>
              <TableCell>
                <div className="flex items-center gap-2 font-medium">
                  {user.name}
                  {isSelf ? <Badge tone="primary">{t.you}</Badge> : null}
                </div>
                <div className="text-xs text-muted-foreground">{user.email}</div>
              </TableCell>
              <TableCell>
                <Badge tone={ROLE_TONE[user.role]}>{m.roles[user.role]}</Badge>
              </TableCell>
              <TableCell>
                {user.teams.length ? (
                  <div className="flex max-w-64 flex-wrap gap-1">
                    {user.teams.map((team) => (
                      <Badge key={team.id}>{team.name}</Badge>
                    ))}
                  </div>
                ) : (
                  <span className="text-muted-foreground">{t.noTeams}</span>
                )}
              </TableCell>
              <TableCell>
                <Badge tone={user.isActive ? "success" : "danger"}>{user.isActive ? m.admin.active : m.admin.inactive}</Badge>
              </TableCell>
              <TableCell className="text-right tabular-nums">{user.openDealCount}</TableCell>
              <TableCell className="whitespace-nowrap text-muted-foreground">{user.updatedLabel}</TableCell>
              <TableCell>
                <div className="flex justify-end gap-1">
                  <Button variant="ghost" size="sm" onClick={() => onEdit(user)} aria-label={`${m.common.edit}: ${user.name}`}>
                    {m.common.edit}
                  </Button>
                  {!user.isActive && user.openDealCount > 0 ? (
                    <Button variant="ghost" size="sm" onClick={() => onReassign(user)}>
                      {t.reassign}
                    </Button>
                  ) : null}
                  {isSelf || !user.isActive ? null : <PasswordResetButton user={user} onDone={onDone} resetPassword={actions.resetPassword} />}
                  {isSelf ? null : <UserStatusButton user={user} onDone={onDone} onFailure={onFailure} actions={actions} />}
                </div>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
