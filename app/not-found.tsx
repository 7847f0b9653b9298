import { NotFoundPanel } from "@/components/shell/not-found-panel";
import { getI18n } from "@/lib/i18n/server";

export default async function NotFound() {
  const { m } = await getI18n();
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <NotFoundPanel title={m.errors.notFoundTitle} body={m.errors.notFoundBody} backLabel={m.errors.backToOpportunities} />
    </main>
  );
}
