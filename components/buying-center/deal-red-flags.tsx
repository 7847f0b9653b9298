import { AlertTriangle, CheckCircle2 } from "lucide-react";
import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { type RedFlag, RED_FLAG_NAMES } from "@/lib/domain/buying-center";
import type { Locale } from "@/lib/i18n/config";
import type { Messages } from "@/messages/en";

type DealRedFlagsProps = { flags: RedFlag[]; opportunityId: string; accountId: string; locale: Locale; m: Messages };

/** The deal's open red flags (lib/domain/buying-center.ts computeRedFlags) with the ways to fix them. */
export function DealRedFlags({ flags, opportunityId, accountId, locale, m }: DealRedFlagsProps) {
  const t = m.buyingCenter.redFlags;
  const lang = locale === "zh-CN" ? "zh-CN" : "en";
  return (
    <Card aria-labelledby="red-flags-heading">
      <CardHeader title={t.title} description={t.description} headingId="red-flags-heading" />
      <CardBody className="space-y-3">
        {flags.length ? (
          <ul className="space-y-2" data-testid="red-flags">
            {flags.map((flag) => (
              <li key={flag.kind} className="flex gap-2 text-sm">
                <AlertTriangle className="mt-0.5 size-4 shrink-0 text-rose-600" aria-hidden="true" />
                <span>
                  <span className="font-medium text-rose-800">{RED_FLAG_NAMES[flag.kind][lang]}</span>
                  <span className="block text-xs text-muted-foreground">{flag.message[lang]}</span>
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="flex items-center gap-2 text-sm text-emerald-700"><CheckCircle2 className="size-4" aria-hidden="true" />{t.none}</p>
        )}
        <div className="flex flex-wrap gap-3 text-sm">
          <Link href={`/opportunities/${opportunityId}/buying-center`} className="text-primary hover:underline">{t.edit}</Link>
          <Link href={`/accounts/${accountId}/fishing-net?opportunityId=${opportunityId}`} className="text-primary hover:underline">{t.map}</Link>
        </div>
      </CardBody>
    </Card>
  );
}
