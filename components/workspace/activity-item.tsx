import { ArrowRightCircle, Users } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { interpolate, type Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import type { ActivityOutput } from "@/lib/validations/activity";
import type { Messages } from "@/messages/en";

type ActivityItemProps = { activity: ActivityOutput; locale: Locale; m: Messages; isDealShown?: boolean };

/** One entry of a timeline: what was done, when, by whom, with whom, and what happens next. */
export function ActivityItem({ activity, locale, m, isDealShown = false }: ActivityItemProps) {
  const t = m.workspace.activities;
  return (
    <li className="py-3.5 first:pt-0 last:pb-0">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <Badge tone={activity.type === "SIGNING" ? "success" : "neutral"}>{locale === "zh-CN" ? activity.typeName["zh-CN"] : activity.typeName.en}</Badge>
        <p className="min-w-0 flex-1 text-sm font-medium text-foreground">{activity.subject}</p>
        <time dateTime={activity.occurredAt} className="text-xs tabular-nums text-muted-foreground">
          {formatDateTime(activity.occurredAt, locale)}
        </time>
      </div>
      <p className="mt-1 text-xs text-muted-foreground">
        {interpolate(t.by, { name: activity.userName })}
        {isDealShown ? (
          <>
            {" · "}
            {activity.opportunityId && activity.opportunityName ? (
              <Link href={`/opportunities/${activity.opportunityId}`} className="text-primary hover:underline">
                {interpolate(t.onDeal, { deal: activity.opportunityName })}
              </Link>
            ) : (
              t.onAccount
            )}
          </>
        ) : null}
      </p>
      {activity.contacts.length > 0 ? (
        <p className="mt-1 flex items-center gap-1.5 text-xs text-muted-foreground">
          <Users className="size-3.5 shrink-0" aria-hidden="true" />
          {interpolate(t.with, {
            names: activity.contacts.map((contact) => (contact.title ? `${contact.name} (${contact.title})` : contact.name)).join(", "),
          })}
        </p>
      ) : null}
      {activity.notes ? <p className="mt-1.5 whitespace-pre-line text-sm text-muted-foreground">{activity.notes}</p> : null}
      {activity.nextStep ? (
        <p className="mt-1.5 flex items-start gap-1.5 text-sm font-medium text-foreground">
          <ArrowRightCircle className="mt-0.5 size-4 shrink-0 text-primary" aria-hidden="true" />
          {interpolate(t.nextStepLine, { step: activity.nextStep })}
        </p>
      ) : null}
    </li>
  );
}
