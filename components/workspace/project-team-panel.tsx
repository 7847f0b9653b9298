"use client";

import { UserPlus, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import type { ActionResult } from "@/components/forms/action-result";
import { FormFailure } from "@/components/forms/form-failure";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Input, NativeSelect } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { DEAL_TEAM_ROLES, type DealTeamRole, formatSharePct, splitSharesEvenly, totalSharePct } from "@/lib/domain/deal-team";
import { interpolate } from "@/lib/i18n/config";
import { type TeamOutput, teamReplaceSchema } from "@/lib/validations/opportunity-team";
import { localizeWorkspaceErrors } from "./localize-errors";

type Row = { userId: string; userName: string; role: DealTeamRole; sharePct: string };

type ProjectTeamPanelProps = {
  team: TeamOutput;
  /** Active users of the org who can be put on the team. */
  people: { id: string; name: string }[];
  action: (input: unknown) => Promise<ActionResult<TeamOutput>>;
};

/**
 * The deal's virtual project team (METHOD.md §5): members, roles and bonus-pool shares, edited locally and
 * saved as a whole through the same function as PUT /api/v1/opportunities/:id/team. The live total is
 * exact decimal arithmetic, so what it shows is what the server will accept.
 */
export function ProjectTeamPanel({ team, people, action }: ProjectTeamPanelProps) {
  const { m } = useI18n();
  const router = useRouter();
  const t = m.workspace.team;
  // Local edits belong to the team they started from; a saved (refreshed) team starts afresh.
  const [draft, setDraft] = useState<{ for: TeamOutput; rows: Row[] }>({ for: team, rows: team.members });
  const rows = draft.for === team ? draft.rows : team.members;
  const setRows = (next: Row[]) => setDraft({ for: team, rows: next });
  const [candidate, setCandidate] = useState("");
  const [isSaved, setIsSaved] = useState(false);
  const { formRef, fieldErrors: rawFieldErrors, failure, isPending, submit: submitForm } = useActionForm({
    schema: teamReplaceSchema,
    action,
    onSuccess: () => {
      setIsSaved(true);
      router.refresh();
    },
  });
  const errors = localizeWorkspaceErrors(rawFieldErrors, m);

  const update = (index: number, change: Partial<Row>) => {
    setIsSaved(false);
    setRows(rows.map((row, at) => (at === index ? { ...row, ...change } : row)));
  };
  const remove = (index: number) => {
    setIsSaved(false);
    setRows(rows.filter((_, at) => at !== index));
  };
  const add = () => {
    const person = people.find((each) => each.id === candidate);
    if (!person) return;
    const role: DealTeamRole = rows.some((row) => row.role === "SALES") ? "PRESALES" : "SALES";
    setRows([...rows, { userId: person.id, userName: person.name, role, sharePct: rows.length === 0 ? "100" : "0" }]);
    setCandidate("");
    setIsSaved(false);
  };
  const splitEvenly = () => {
    const shares = splitSharesEvenly(rows.length);
    setRows(rows.map((row, index) => ({ ...row, sharePct: shares[index] })));
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setIsSaved(false);
    submitForm({ members: rows.map(({ userId, role, sharePct }) => ({ userId, role, sharePct })) });
  };

  const total = totalSharePct(rows.map((row) => row.sharePct));
  const isTotalValid = rows.length === 0 || total.eq(100);
  const available = people.filter((person) => !rows.some((row) => row.userId === person.id));
  return (
    <Card aria-labelledby="team-heading">
      <CardHeader title={t.title} description={t.description} headingId="team-heading" />
      <CardBody>
        <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
          <FormFailure failure={failure} />
          {isSaved && !failure ? <Alert tone="success">{t.saved}</Alert> : null}
          {rows.length === 0 ? <p className="text-sm text-muted-foreground">{t.empty}</p> : null}
          {rows.length > 0 ? (
            <div className="grid grid-cols-[minmax(0,1fr)_5.5rem] gap-2 text-xs font-medium uppercase tracking-wide text-muted-foreground" aria-hidden="true">
              <span>{t.role}</span>
              <span className="text-right">{t.share}</span>
            </div>
          ) : null}
          <ul className="space-y-3">
            {rows.map((row, index) => {
              const rowError = errors[`members.${index}.sharePct`] ?? errors[`members.${index}.userId`] ?? errors[`members.${index}.role`];
              return (
                <li key={row.userId} className="space-y-1.5">
                  <div className="flex items-center justify-between gap-2">
                    <p className="min-w-0 truncate text-sm font-medium">{row.userName}</p>
                    <Button variant="ghost" size="icon" className="size-7" aria-label={interpolate(t.remove, { name: row.userName })} onClick={() => remove(index)}>
                      <X aria-hidden="true" />
                    </Button>
                  </div>
                  <div className="grid grid-cols-[minmax(0,1fr)_5.5rem] gap-2">
                    <NativeSelect aria-label={interpolate(t.roleOf, { name: row.userName })} value={row.role} onChange={(event) => update(index, { role: event.target.value as DealTeamRole })}>
                      {DEAL_TEAM_ROLES.map((role) => (
                        <option key={role} value={role}>
                          {t.roles[role]}
                        </option>
                      ))}
                    </NativeSelect>
                    <Input
                      aria-label={interpolate(t.shareOf, { name: row.userName })}
                      inputMode="decimal"
                      value={row.sharePct}
                      onChange={(event) => update(index, { sharePct: event.target.value })}
                      aria-invalid={rowError ? true : undefined}
                      className="text-right tabular-nums"
                      maxLength={6}
                    />
                  </div>
                  {rowError ? <p role="alert" className="text-xs font-medium text-danger">{rowError}</p> : null}
                </li>
              );
            })}
          </ul>
          <div className="flex gap-2">
            <NativeSelect aria-label={t.addPerson} value={candidate} onChange={(event) => setCandidate(event.target.value)} className="min-w-0 flex-1">
              <option value="">{t.choosePerson}</option>
              {available.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </NativeSelect>
            <Button variant="secondary" onClick={add} disabled={!candidate}>
              <UserPlus aria-hidden="true" />
              {t.add}
            </Button>
          </div>
          <div className={cn("flex items-center justify-between rounded-md px-3 py-2 text-sm", isTotalValid ? "bg-emerald-50 text-emerald-900" : "bg-amber-50 text-amber-900")}>
            <span className="font-medium">{t.total}</span>
            <output aria-live="polite" className="font-semibold tabular-nums">{formatSharePct(total)}%</output>
          </div>
          {errors.members ? <p role="alert" className="text-xs font-medium text-danger">{errors.members}</p> : !isTotalValid ? <p className="text-xs text-muted-foreground">{t.totalHint}</p> : null}
          <div className="flex flex-wrap justify-end gap-2">
            {rows.length > 1 ? (
              <Button variant="ghost" onClick={splitEvenly}>
                {t.splitEvenly}
              </Button>
            ) : null}
            <Button type="submit" disabled={isPending}>
              {isPending ? <Spinner /> : null}
              {isPending ? t.saving : t.save}
            </Button>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
