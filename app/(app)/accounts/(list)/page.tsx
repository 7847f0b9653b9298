import { Building2, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AccountTable } from "@/components/accounts/account-table";
import { UrlSearchField } from "@/components/forms/url-search-field";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { listAccountPage } from "@/lib/data/accounts";
import { getI18n } from "@/lib/i18n/server";
import { pageNumber, pageStatus, single, type SearchParams } from "../../_lib/search-params";
import { getPageContext } from "../../_lib/session";

const PAGE_SIZE = 25;

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getI18n();
  return { title: m.accounts.title };
}

export default async function AccountsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const q = single(params.q)?.trim().slice(0, 200) || undefined;
  const page = pageNumber(params.page);
  const ctx = await getPageContext();
  const [{ m }, result] = await Promise.all([getI18n(), listAccountPage(ctx, { q, limit: PAGE_SIZE }, page)]);
  const pageCount = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  const hrefForPage = (target: number) => {
    const next = new URLSearchParams();
    if (q) next.set("q", q);
    if (target > 1) next.set("page", String(target));
    const search = next.toString();
    return search ? `/accounts?${search}` : "/accounts";
  };
  const newButton = (
    <Button asChild>
      <Link href="/accounts/new">
        <Plus aria-hidden="true" />
        {m.accounts.new}
      </Link>
    </Button>
  );
  return (
    <>
      <PageHeader
        title={m.accounts.title}
        description={m.accounts.description}
        actions={result.total === 0 && !q && page === 1 ? undefined : newButton}
      />
      <Card>
        <div className="border-b border-border px-4 py-3">
          <div className="max-w-md">
            <UrlSearchField id="accounts-q" label={m.accounts.searchLabel} placeholder={m.accounts.searchPlaceholder} loadingLabel={m.common.loading} />
          </div>
        </div>
        {result.data.length > 0 ? (
          <>
            <AccountTable rows={result.data} m={m} />
            <Pagination
              page={page}
              pageCount={pageCount}
              hrefForPage={hrefForPage}
              labels={{
                navigation: m.common.pagination,
                previous: m.common.previous,
                next: m.common.next,
                status: pageStatus(m.common.pageStatus, page, PAGE_SIZE, result.total),
              }}
            />
          </>
        ) : q || page > 1 ? (
          <EmptyState icon={Building2} title={m.accounts.filteredEmptyTitle} description={m.accounts.filteredEmptyBody} />
        ) : (
          <EmptyState icon={Building2} title={m.accounts.emptyTitle} description={m.accounts.emptyBody} action={newButton} />
        )}
      </Card>
    </>
  );
}
