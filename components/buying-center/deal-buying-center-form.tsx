"use client";

import { type FormEvent, useState } from "react";
import type { ActionResult } from "@/components/forms/action-result";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/input";
import { CONTACT_ROLES, type ContactRole } from "@/lib/domain/buying-center";
import { roleName } from "./labels";
import { useRunAction } from "./use-run-action";

type Candidate = { id: string; name: string; title: string | null; roles: ContactRole[]; isInvolved: boolean; rolesInDeal: ContactRole[] };
type DealBuyingCenterFormProps = { candidates: Candidate[]; save: (input: unknown) => Promise<ActionResult<{ opportunityId: string }>> };

/** Picks the account's contacts involved in the deal and their roles in it; saved as a whole. */
export function DealBuyingCenterForm({ candidates, save }: DealBuyingCenterFormProps) {
  const { m, locale } = useI18n();
  const t = m.buyingCenter.dealCenter;
  const { run, isPending, error, notice } = useRunAction();
  const [rows, setRows] = useState(() => new Map(candidates.map((item) => [item.id, { isInvolved: item.isInvolved, roles: item.isInvolved ? item.rolesInDeal : item.roles }])));
  const update = (id: string, change: (row: { isInvolved: boolean; roles: ContactRole[] }) => { isInvolved: boolean; roles: ContactRole[] }) =>
    setRows((current) => new Map(current).set(id, change(current.get(id)!)));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const contacts = candidates.filter((item) => rows.get(item.id)?.isInvolved).map((item) => ({ contactId: item.id, roles: rows.get(item.id)!.roles }));
    run(() => save({ contacts }), t.saved);
  };
  if (!candidates.length) return <p className="text-sm text-muted-foreground">{t.empty}</p>;
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead>
            <tr className="border-b border-border text-left text-xs text-muted-foreground">
              <th className="py-2 pr-3">{t.involved}</th>
              <th className="py-2 pr-3">{m.buyingCenter.fishingNet.contact}</th>
              <th className="py-2">{t.rolesInDeal}</th>
            </tr>
          </thead>
          <tbody>
            {candidates.map((item) => {
              const row = rows.get(item.id)!;
              return (
                <tr key={item.id} className="border-b border-border align-top">
                  <td className="py-2 pr-3">
                    <Checkbox aria-label={`${t.involved}: ${item.name}`} checked={row.isInvolved} onChange={() => update(item.id, (current) => ({ ...current, isInvolved: !current.isInvolved }))} />
                  </td>
                  <td className="py-2 pr-3"><span className="font-medium">{item.name}</span><span className="block text-xs text-muted-foreground">{item.title}</span></td>
                  <td className="py-2">
                    <div className="flex flex-wrap gap-3">
                      {CONTACT_ROLES.map((role) => (
                        <label key={role} className="inline-flex items-center gap-1 text-xs">
                          <Checkbox
                            disabled={!row.isInvolved}
                            checked={row.roles.includes(role)}
                            onChange={() => update(item.id, (current) => ({
                              ...current, roles: current.roles.includes(role) ? current.roles.filter((r) => r !== role) : [...current.roles, role],
                            }))}
                          />
                          {roleName(role, locale)}
                        </label>
                      ))}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={isPending}>{isPending ? m.common.saving : t.save}</Button>
        <span role="status" className={error ? "text-sm text-danger" : "text-sm text-success"}>{error ?? notice ?? ""}</span>
      </div>
    </form>
  );
}
