import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import type { Messages } from "@/messages/en";

/** A signed deal (P7) whose win review is missing or incomplete: the prompt to write it while it is fresh. */
export function CloseOutPrompt({ isComplete, href, m }: { isComplete: boolean; href: string; m: Messages }) {
  if (isComplete) return null;
  return (
    <Alert tone="warning" actions={<Link href={href} className="text-sm font-medium text-primary hover:underline">{m.analysis.review.writeReview}</Link>}>
      {m.analysis.review.p7Prompt}
    </Alert>
  );
}
