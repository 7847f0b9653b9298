"use client";

import { Plus, UsersRound } from "lucide-react";
import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { interpolate } from "@/lib/i18n/config";
import { TeamFormDialog } from "./team-form-dialog";
import type { AdminTeamRow, PersonOption, TeamActions } from "./types";

type TeamAdminProps = { teams: AdminTeamRow[]; people: PersonOption[]; actions: TeamActions; nav: ReactNode };

/** /admin/teams: teams with kind, manager and members; add and edit in a dialog. */
export function TeamAdmin({ teams, people, actions, nav }: TeamAdminProps) {
  const { m } = useI18n();
  const t = m.admin.teams;
  const router = useRouter();
  const [editing, setEditing] = useState<AdminTeamRow | null>(null);
  const [isOpen, setIsOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const open = (team: AdminTeamRow | null) => {
    setEditing(team);
    setNotice(null);
    setIsOpen(true);
  };
  const saved = (text: string) => {
    setIsOpen(false);
    setNotice(text);
    router.refresh();
  };
  const addButton = (
    <Button onClick={() => open(null)}>
      <Plus aria-hidden="true" />
      {t.add}
    </Button>
  );
  return (
    <>
      <PageHeader eyebrow={m.admin.title} title={t.title} description={t.description} actions={addButton} />
      {nav}
      {notice ? (
        <Alert tone="success" className="mb-4">
          {notice}
        </Alert>
      ) : null}
      <Card>
        {teams.length === 0 ? (
          <EmptyState icon={UsersRound} title={t.empty} description={t.emptyBody} />
        ) : (
          <Table>
            <caption className="sr-only">{t.title}</caption>
            <TableHead>
              <tr>
                <TableHeaderCell>{t.name}</TableHeaderCell>
                <TableHeaderCell>{t.kind}</TableHeaderCell>
                <TableHeaderCell>{t.manager}</TableHeaderCell>
                <TableHeaderCell>{t.members}</TableHeaderCell>
                <TableHeaderCell className="text-right">
                  <span className="sr-only">{m.admin.actions}</span>
                </TableHeaderCell>
              </tr>
            </TableHead>
            <TableBody>
              {teams.map((team) => (
                <TableRow key={team.id}>
                  <TableCell className="font-medium">{team.name}</TableCell>
                  <TableCell>
                    <Badge tone="info">{t.kinds[team.kind]}</Badge>
                  </TableCell>
                  <TableCell>
                    {team.manager ? (
                      <span className={team.manager.isActive ? undefined : "text-muted-foreground line-through"}>{team.manager.name}</span>
                    ) : (
                      <span className="text-muted-foreground">{t.noManager}</span>
                    )}
                  </TableCell>
                  <TableCell>
                    <div className="text-xs text-muted-foreground">{interpolate(t.memberCount, { count: team.members.length })}</div>
                    <div className="max-w-md truncate">{team.members.map((member) => member.name).join(", ")}</div>
                  </TableCell>
                  <TableCell className="text-right">
                    <Button variant="ghost" size="sm" onClick={() => open(team)} aria-label={`${m.common.edit}: ${team.name}`}>
                      {m.common.edit}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
      <TeamFormDialog team={editing} people={people} open={isOpen} onOpenChange={setIsOpen} onSaved={saved} actions={actions} />
    </>
  );
}
