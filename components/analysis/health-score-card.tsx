// The deal's health score with every factor's contribution (量化评测) and its grade: the explanation of each point.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { HealthScoreOutput } from "@/lib/validations/analysis";
import type { Messages } from "@/messages/en";

const GRADE_TONE = { A: "success", B: "info", C: "neutral" } as const;

export function GradeBadge({ grade, m }: { grade: "A" | "B" | "C"; m: Messages }) {
  return <Badge tone={GRADE_TONE[grade]} data-testid="grade-badge">{m.analysis.score.grade.replace("{grade}", grade)}</Badge>;
}

export function HealthScoreCard({ score, m, analysisHref }: { score: HealthScoreOutput; m: Messages; analysisHref?: string }) {
  const s = m.analysis.score;
  return (
    <Card aria-labelledby="health-heading">
      <CardHeader
        title={s.title} headingId="health-heading"
        actions={analysisHref ? <Link href={analysisHref} className="text-sm text-primary hover:underline">{m.analysis.link}</Link> : undefined}
      />
      <CardBody className="space-y-3">
        <div className="flex items-center gap-3">
          <span className="text-3xl font-semibold tabular-nums" data-testid="health-score">{score.score}</span>
          <span className="text-sm text-muted-foreground">/ 100</span>
          <GradeBadge grade={score.grade} m={m} />
        </div>
        <table className="w-full text-sm">
          <thead className="sr-only"><tr><th>{s.factor}</th><th>{s.points}</th></tr></thead>
          <tbody>
            {score.contributions.map((item) => (
              <tr key={item.factor} className="border-t border-border align-top">
                <td className="py-1.5 pr-2">
                  <div className="font-medium">{s.factors[item.factor]}</div>
                  <div className="text-xs text-muted-foreground">{item.detail}</div>
                </td>
                <td className="py-1.5 text-right tabular-nums whitespace-nowrap">{item.points} / {item.maxPoints}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {score.notCounted.length ? (
          <p className="text-xs text-muted-foreground">{s.notCounted.replace("{factors}", score.notCounted.map((factor) => s.factors[factor]).join(", "))}</p>
        ) : null}
      </CardBody>
    </Card>
  );
}
