"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { ActionResult } from "@/components/forms/action-result";
import { FormFailure } from "@/components/forms/form-failure";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { ActivityPage } from "@/lib/validations/activity";
import { ActivityItem } from "./activity-item";

type ActivityTimelineProps = {
  page: ActivityPage;
  emptyText: string;
  /** Fetches the page after `cursor` (a bound server action). */
  loadOlder: (cursor: string) => Promise<ActionResult<ActivityPage>>;
  isDealShown?: boolean;
};

/**
 * A timeline, newest first: the server renders the first page; older pages are appended on request. A new
 * first page (after logging an activity and a refresh) replaces what was shown.
 */
export function ActivityTimeline({ page, emptyText, loadOlder, isDealShown }: ActivityTimelineProps) {
  const { locale, m } = useI18n();
  const [older, setOlder] = useState<{ for: ActivityPage; pages: ActivityPage[] }>({ for: page, pages: [] });
  const olderPages = older.for === page ? older.pages : [];
  const last = olderPages.at(-1) ?? page;
  const mutation = useMutation({
    mutationFn: loadOlder,
    onSuccess: (result) => {
      if (result.ok) setOlder({ for: page, pages: [...olderPages, result.data] });
    },
  });
  const activities = [page, ...olderPages].flatMap((each) => each.data);
  if (activities.length === 0) return <p className="text-sm text-muted-foreground">{emptyText}</p>;
  const failure = mutation.data && !mutation.data.ok ? mutation.data : null;
  return (
    <div className="space-y-4">
      <ul className="divide-y divide-border">
        {activities.map((activity) => (
          <ActivityItem key={activity.id} activity={activity} locale={locale} m={m} isDealShown={isDealShown} />
        ))}
      </ul>
      <FormFailure failure={failure} />
      {last.nextCursor ? (
        <Button variant="secondary" size="sm" disabled={mutation.isPending} onClick={() => mutation.mutate(last.nextCursor!)}>
          {mutation.isPending ? <Spinner /> : null}
          {mutation.isPending ? m.workspace.activities.loadingOlder : m.workspace.activities.showOlder}
        </Button>
      ) : null}
    </div>
  );
}
