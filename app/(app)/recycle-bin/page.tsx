import type { Metadata } from "next";
import { RecycleBinList } from "@/components/trust/recycle-bin-list";
import { listRecycleBin } from "@/lib/data/recycle-bin";
import { getI18n } from "@/lib/i18n/server";
import { getPageContext } from "../_lib/session";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getI18n();
  return { title: m.trust.recycleBin.title };
}

/** Deleted records the caller may see, with restore (and, for admins, permanent deletion). */
export default async function RecycleBinPage() {
  const ctx = await getPageContext();
  const items = await listRecycleBin(ctx, { limit: 500 });
  return (
    <div className="mx-auto max-w-6xl">
      <RecycleBinList items={items} isAdmin={ctx.role === "ADMIN"} />
    </div>
  );
}
