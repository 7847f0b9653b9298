import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { ProfileTemplateEditor } from "@/components/buying-center/profile-template-editor";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getProfileTemplate } from "@/lib/data/account-profile";
import { getI18n } from "@/lib/i18n/server";
import { requireAdminPage } from "../_lib/guard";
import { updateProfileTemplateAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getI18n();
  return { title: m.buyingCenter.template.title };
}

/** Admins: the sections of every key-account profile. */
export default async function ProfileTemplatePage() {
  const ctx = await requireAdminPage("gates.configure");
  const [{ m }, sections] = await Promise.all([getI18n(), getProfileTemplate(ctx)]);
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title={m.buyingCenter.template.title} description={m.buyingCenter.template.description} />
      <AdminNav />
      <Card>
        <CardBody>
          <ProfileTemplateEditor sections={sections} save={updateProfileTemplateAction} />
        </CardBody>
      </Card>
    </div>
  );
}
