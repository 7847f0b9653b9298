"use client";

import { AlertTriangle, CheckCircle2 } from "lucide-react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { FishingNetOutput } from "@/lib/validations/buying-center";
import { degreeName, roleName, STANCE_STROKE } from "./labels";

const ROW = 46;
const LEFT = 24;
const RIGHT = 470;
const BOX_W = 190;
const BOX_H = 36;

/** Our people × their people: a line per relationship held, its width the degree; gaps outlined in red. */
export function FishingNetView({ net }: { net: FishingNetOutput }) {
  const { m, locale } = useI18n();
  const t = m.buyingCenter.fishingNet;
  const ours = net.nodes.filter((node) => node.side === "ours");
  const theirs = net.nodes.filter((node) => node.side === "theirs");
  const height = Math.max(ours.length, theirs.length, 1) * ROW + 40;
  const y = (index: number) => 30 + index * ROW;
  const ourIndex = new Map(ours.map((node, index) => [node.id, index]));
  const theirIndex = new Map(theirs.map((node, index) => [node.id, index]));

  return (
    <div className="space-y-4">
      <Card aria-labelledby="gaps-heading">
        <CardHeader title={t.gaps} headingId="gaps-heading" />
        <CardBody>
          {net.gaps.length ? (
            <ul className="space-y-1" data-testid="fishing-net-gaps">
              {net.gaps.map((gap, index) => (
                <li key={`${gap.kind}-${gap.contactId ?? index}`} className="flex items-start gap-2 text-sm text-rose-800">
                  <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
                  {gap.message}
                </li>
              ))}
            </ul>
          ) : (
            <p className="flex items-center gap-2 text-sm text-emerald-700" data-testid="fishing-net-gaps">
              <CheckCircle2 className="size-4" aria-hidden="true" />{t.noGaps}
            </p>
          )}
        </CardBody>
      </Card>
      <Card>
        <CardBody className="overflow-x-auto">
          <svg viewBox={`0 0 ${RIGHT + BOX_W + 24} ${height}`} className="w-full min-w-[640px]" role="img" aria-label={t.description}>
            <text x={LEFT} y={16} className="fill-slate-500 text-[12px] font-semibold">{t.ours}</text>
            <text x={RIGHT} y={16} className="fill-slate-500 text-[12px] font-semibold">{t.theirs}</text>
            {net.edges.map((edge) => {
              const from = ourIndex.get(edge.userId);
              const to = theirIndex.get(edge.contactId);
              if (from === undefined || to === undefined) return null;
              return (
                <line
                  key={`${edge.userId}-${edge.contactId}`}
                  x1={LEFT + BOX_W} y1={y(from) + BOX_H / 2} x2={RIGHT} y2={y(to) + BOX_H / 2}
                  stroke="#6366f1" strokeOpacity={0.25 + edge.degree * 0.13} strokeWidth={edge.degree * 1.5}
                >
                  <title>{degreeName(edge.degree, locale)}</title>
                </line>
              );
            })}
            {ours.map((node, index) => (
              <g key={node.id}>
                <rect x={LEFT} y={y(index)} width={BOX_W} height={BOX_H} rx={6} fill="#eef2ff" stroke="#6366f1" />
                <text x={LEFT + 10} y={y(index) + 23} className="fill-slate-900 text-[13px]">{node.name}</text>
              </g>
            ))}
            {theirs.map((node, index) => (
              <g key={node.id} data-gap={node.isGap ? "true" : "false"}>
                <rect
                  x={RIGHT} y={y(index)} width={BOX_W} height={BOX_H} rx={6} fill={node.isGap ? "#fff1f2" : "#ffffff"}
                  stroke={node.isGap ? "#e11d48" : STANCE_STROKE[node.stance ?? "NONE"]} strokeWidth={node.isGap ? 2.5 : 1.5}
                  strokeDasharray={node.isGap ? "5 3" : undefined}
                />
                <text x={RIGHT + 10} y={y(index) + 16} className="fill-slate-900 text-[13px]">{node.name}</text>
                <text x={RIGHT + 10} y={y(index) + 30} className="fill-slate-500 text-[10px]">
                  {[node.roles.map((role) => roleName(role, locale)).join(", "), node.isGap ? t.gapMark : ""].filter(Boolean).join(" · ")}
                </text>
              </g>
            ))}
          </svg>
        </CardBody>
      </Card>
    </div>
  );
}
