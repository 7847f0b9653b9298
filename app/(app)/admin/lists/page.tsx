import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { ListAdmin } from "@/components/admin/lists/list-admin";
import { listListItems } from "@/lib/data/lists";
import { ORG_LIST_KEYS, type OrgListKey } from "@/lib/domain/org-lists";
import { getI18n } from "@/lib/i18n/server";
import { orgListSchema } from "@/lib/validations/admin";
import { type SearchParams, single } from "../../_lib/search-params";
import { requireAdminPage } from "../_lib/guard";
import { createListItemAction, reorderListAction, updateListItemAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getI18n();
  return { title: m.admin.lists.title };
}

export default async function AdminListsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await requireAdminPage("lists.manage");
  const parsed = orgListSchema.safeParse(single((await searchParams).list));
  const list: OrgListKey = parsed.success ? parsed.data : "PRODUCT_LINE";
  const all = await listListItems(ctx);
  const counts = Object.fromEntries(ORG_LIST_KEYS.map((key) => [key, all.filter((item) => item.list === key).length])) as Record<OrgListKey, number>;
  return (
    <div className="mx-auto max-w-6xl">
      <ListAdmin
        list={list}
        items={all.filter((item) => item.list === list)}
        counts={counts}
        actions={{ create: createListItemAction, update: updateListItemAction, reorder: reorderListAction }}
        nav={<AdminNav />}
      />
    </div>
  );
}
