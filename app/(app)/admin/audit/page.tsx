import { Download, ScrollText } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AdminNav } from "@/components/admin/admin-nav";
import { AuditFilters } from "@/components/admin/audit/audit-filters";
import { AuditTable } from "@/components/admin/audit/audit-table";
import { Alert } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listAuditEntries } from "@/lib/data/audit";
import { listAuditFilterOptions, toAuditQuery } from "@/lib/data/audit-view";
import { isAppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { type AuditFilters as Filters, auditQuerySchema } from "@/lib/validations/admin";
import { type SearchParams, single } from "../../_lib/search-params";
import { requireAdminPage } from "../_lib/guard";

const PAGE_SIZE = 50;
const FILTER_KEYS = ["action", "entityType", "actorId", "from", "to"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getI18n();
  return { title: m.admin.audit.title };
}

/** Each filter on its own: a malformed one (a hand-edited URL) is dropped instead of failing the page. */
function readFilters(params: SearchParams): Filters {
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = single(params[key]);
    if (!value) continue;
    const parsed = auditQuerySchema.shape[key].safeParse(value);
    if (parsed.success && parsed.data) filters[key] = parsed.data;
  }
  return filters;
}

function queryString(filters: Filters, cursor?: string): string {
  const params = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])));
  if (cursor) params.set("cursor", cursor);
  const text = params.toString();
  return text ? `?${text}` : "";
}

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await requireAdminPage("audit.read");
  const params = await searchParams;
  const filters = readFilters(params);
  const cursor = single(params.cursor);
  const { locale, m } = await getI18n();
  const t = m.admin.audit;
  const options = await listAuditFilterOptions(ctx);
  let page: Awaited<ReturnType<typeof listAuditEntries>> = { items: [], nextCursor: null };
  let problem: string | null = null;
  try {
    page = await listAuditEntries(ctx, toAuditQuery(filters, PAGE_SIZE, cursor));
  } catch (error) {
    if (!isAppError(error) || error.code !== "VALIDATION") throw error;
    problem = m.errors.checkFields;
  }
  const rows = page.items.map((item) => ({ ...item, atLabel: formatDateTime(item.at, locale) }));
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        eyebrow={m.admin.title}
        title={t.title}
        description={t.description}
        actions={
          <a href={`/api/v1/admin/audit/export.csv${queryString(filters)}`} download className={buttonVariants({ variant: "secondary" })}>
            <Download aria-hidden="true" />
            {t.export}
          </a>
        }
      />
      <AdminNav />
      <Card className="mb-4">
        <CardBody>
          <AuditFilters filters={filters} options={options} m={m} />
        </CardBody>
      </Card>
      {problem ? (
        <Alert tone="danger" className="mb-4">
          {problem}
        </Alert>
      ) : null}
      <Card>
        {rows.length ? <AuditTable rows={rows} m={m} /> : <EmptyState icon={ScrollText} title={t.empty} description={t.emptyBody} />}
        {cursor || page.nextCursor ? (
          <nav aria-label={m.common.pagination} className="flex justify-between gap-3 border-t border-border px-4 py-3">
            {cursor ? (
              <Link href={`/admin/audit${queryString(filters)}`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
                {t.newest}
              </Link>
            ) : (
              <span />
            )}
            {page.nextCursor ? (
              <Link href={`/admin/audit${queryString(filters, page.nextCursor)}`} className={buttonVariants({ variant: "secondary", size: "sm" })} rel="next">
                {t.older}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </Card>
    </div>
  );
}
