import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { activityTypeName } from "@/lib/domain/activities";
import { DECISION_STAGE_NAMES } from "@/lib/domain/decision-cycle";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import type { Messages } from "@/messages/en";
import type { ValueChainView } from "./value-chain-types";

type Row = { at: string; lane: string; event: string };

/** The chart's events as a table, oldest first: the text alternative for screen readers and for exact dates. */
export function ValueChainTable({ view, locale, m, stageNames }: { view: ValueChainView; locale: Locale; m: Messages; stageNames: Record<string, string> }) {
  const t = m.decisionCycle.chain;
  const lang = locale === "zh-CN" ? "zh-CN" : "en";
  const rows: Row[] = [
    ...view.cycle.history.map((entry) => ({ at: entry.at, lane: t.laneDecision, event: DECISION_STAGE_NAMES[entry.toStage][lang] })),
    ...view.activities.map((activity) => ({
      at: activity.occurredAt, lane: t.laneActivities, event: `${activityTypeName(activity.type, locale)}: ${activity.subject}`,
    })),
    ...view.stages.map((entry) => ({ at: entry.at, lane: t.laneStages, event: stageNames[entry.toStage] ?? entry.toStage })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-medium text-primary">{t.tableCaption}</summary>
      <Table className="mt-2">
        <caption className="sr-only">{t.tableCaption}</caption>
        <TableHead>
          <TableRow>
            <TableHeaderCell>{t.when}</TableHeaderCell>
            <TableHeaderCell>{t.lane}</TableHeaderCell>
            <TableHeaderCell>{t.event}</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row, index) => (
            <TableRow key={`${row.at}-${index}`}>
              <TableCell className="whitespace-nowrap tabular-nums">{formatDateTime(row.at, locale)}</TableCell>
              <TableCell>{row.lane}</TableCell>
              <TableCell>{row.event}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </details>
  );
}
