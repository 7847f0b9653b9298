import type { Metadata } from "next";
import { ImportWizard } from "@/components/trust/import-wizard";
import { getI18n } from "@/lib/i18n/server";
import { getPageContext } from "../_lib/session";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getI18n();
  return { title: m.trust.import.title };
}

/** Upload → map columns → preview row errors → import with progress → report of rejected rows. */
export default async function ImportPage() {
  await getPageContext();
  return (
    <div className="mx-auto max-w-6xl">
      <ImportWizard />
    </div>
  );
}
