import Form from "next/form";
import Link from "next/link";
import { Button, buttonVariants } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import type { AuditFilters as Filters } from "@/lib/validations/admin";
import type { Messages } from "@/messages/en";

type AuditFiltersProps = {
  filters: Filters;
  options: { actions: string[]; entityTypes: string[]; actors: { id: string; name: string }[] };
  m: Messages;
};

/** A GET form: the filters live in the query string, so a filtered view can be bookmarked and exported. */
export function AuditFilters({ filters, options, m }: AuditFiltersProps) {
  const t = m.admin.audit;
  return (
    <Form action="/admin/audit" aria-label={t.filters} className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto] lg:items-end">
      <Field label={t.action}>
        <NativeSelect name="action" defaultValue={filters.action ?? ""}>
          <option value="">{t.any}</option>
          {options.actions.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field label={t.entity}>
        <NativeSelect name="entityType" defaultValue={filters.entityType ?? ""}>
          <option value="">{t.any}</option>
          {options.entityTypes.map((entityType) => (
            <option key={entityType} value={entityType}>
              {entityType}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field label={t.actor}>
        <NativeSelect name="actorId" defaultValue={filters.actorId ?? ""}>
          <option value="">{t.any}</option>
          {options.actors.map((actor) => (
            <option key={actor.id} value={actor.id}>
              {actor.name}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field label={t.from}>
        <Input type="date" name="from" defaultValue={filters.from ?? ""} />
      </Field>
      <Field label={t.to}>
        <Input type="date" name="to" defaultValue={filters.to ?? ""} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit">{t.apply}</Button>
        <Link href="/admin/audit" className={buttonVariants({ variant: "ghost" })}>
          {t.clear}
        </Link>
      </div>
    </Form>
  );
}
