import { FileText, Network, Share2 } from "lucide-react";
import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { Messages } from "@/messages/en";

/** The account page's way into the buying-center views. */
export function AccountBuyingCenterLinks({ accountId, m }: { accountId: string; m: Messages }) {
  const t = m.buyingCenter.links;
  const items = [
    { href: `/accounts/${accountId}/org-chart`, label: t.orgChart, icon: Network },
    { href: `/accounts/${accountId}/fishing-net`, label: t.fishingNet, icon: Share2 },
    { href: `/accounts/${accountId}/profile`, label: t.profile, icon: FileText },
  ];
  return (
    <Card aria-labelledby="buying-center-links-heading">
      <CardHeader title={t.title} description={t.description} headingId="buying-center-links-heading" />
      <CardBody>
        <ul className="space-y-2 text-sm">
          {items.map(({ href, label, icon: Icon }) => (
            <li key={href}>
              <Link href={href} className="inline-flex items-center gap-2 text-primary hover:underline">
                <Icon className="size-4" aria-hidden="true" />{label}
              </Link>
            </li>
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}
