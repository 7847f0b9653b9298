import { NotFoundPanel } from "@/components/shell/not-found-panel";
import { getI18n } from "@/lib/i18n/server";

// Rendered for a missing page AND for a record the caller may not see: the two must be indistinguishable.
export default async function AppNotFound() {
  const { m } = await getI18n();
  return <NotFoundPanel title={m.errors.notFoundTitle} body={m.errors.notFoundBody} backLabel={m.errors.backToOpportunities} />;
}
