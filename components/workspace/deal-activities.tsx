"use client";

import { Plus } from "lucide-react";
import { useState } from "react";
import type { ActionResult } from "@/components/forms/action-result";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { ActivityTypeDefinition } from "@/lib/domain/activities";
import type { ActivityPage } from "@/lib/validations/activity";
import { ActivityLogForm, type ContactOption } from "./activity-log-form";
import { ActivityTimeline } from "./activity-timeline";

type DealActivitiesProps = {
  page: ActivityPage;
  /** The org's active activity types, offered by the log form. */
  activityTypes: readonly ActivityTypeDefinition[];
  contacts: ContactOption[];
  logAction: (input: unknown) => Promise<ActionResult<{ id: string }>>;
  loadOlder: (cursor: string) => Promise<ActionResult<ActivityPage>>;
};

/** The deal's activities card: "Log activity" opens the form above the timeline. */
export function DealActivities({ page, activityTypes, contacts, logAction, loadOlder }: DealActivitiesProps) {
  const { m } = useI18n();
  const t = m.workspace.activities;
  const [isFormOpen, setIsFormOpen] = useState(false);
  const [isLogged, setIsLogged] = useState(false);
  return (
    <Card aria-labelledby="activities-heading">
      <CardHeader
        title={t.title}
        description={t.description}
        headingId="activities-heading"
        actions={
          isFormOpen ? null : (
            <Button size="sm" onClick={() => { setIsLogged(false); setIsFormOpen(true); }}>
              <Plus aria-hidden="true" />
              {t.log}
            </Button>
          )
        }
      />
      <CardBody className="space-y-5">
        {isLogged ? <Alert tone="success">{t.logged}</Alert> : null}
        {isFormOpen ? (
          <ActivityLogForm
            activityTypes={activityTypes}
            contacts={contacts}
            action={logAction}
            onDone={(hasLogged) => {
              setIsFormOpen(false);
              setIsLogged(hasLogged);
            }}
          />
        ) : null}
        <ActivityTimeline page={page} emptyText={t.empty} loadOlder={loadOlder} />
      </CardBody>
    </Card>
  );
}
