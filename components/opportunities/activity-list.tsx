import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import type { Messages } from "@/messages/en";

export type ActivityItem = {
  id: string;
  type: keyof Messages["activityTypes"];
  subject: string;
  notes: string | null;
  occurredAt: Date;
  user: { name: string };
};

export function ActivityList({ activities, locale, m }: { activities: ActivityItem[]; locale: Locale; m: Messages }) {
  if (activities.length === 0) return <p className="text-sm text-muted-foreground">{m.opportunity.activities.empty}</p>;
  return (
    <ul className="divide-y divide-border">
      {activities.map((activity) => (
        <li key={activity.id} className="py-3 first:pt-0 last:pb-0">
          <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
            <p className="text-sm font-medium text-foreground">{activity.subject}</p>
            <time dateTime={activity.occurredAt.toISOString()} className="text-xs tabular-nums text-muted-foreground">
              {formatDateTime(activity.occurredAt, locale)}
            </time>
          </div>
          <p className="mt-0.5 text-xs text-muted-foreground">
            {m.activityTypes[activity.type]} · {activity.user.name}
          </p>
          {activity.notes ? <p className="mt-1.5 whitespace-pre-line text-sm text-muted-foreground">{activity.notes}</p> : null}
        </li>
      ))}
    </ul>
  );
}
