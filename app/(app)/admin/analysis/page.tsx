import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { AnalysisSettingsForm } from "@/components/analysis/analysis-settings-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getAnalysisSettings } from "@/lib/data/health";
import { getI18n } from "@/lib/i18n/server";
import { requireAdminPage } from "../_lib/guard";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getI18n();
  return { title: m.analysis.settings.title };
}

/** Admin: the scorecard's weights and grade thresholds (lib/domain/health-score.ts). */
export default async function AdminAnalysisPage() {
  const ctx = await requireAdminPage("analysis.configure");
  const [{ m }, settings] = await Promise.all([getI18n(), getAnalysisSettings(ctx)]);
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title={m.analysis.settings.title} description={m.analysis.settings.description} />
      <AdminNav />
      <Card><CardBody><AnalysisSettingsForm initial={settings} /></CardBody></Card>
    </div>
  );
}
