// The deal's virtual project team (METHOD.md §5): the PUT body replaces the whole team, so the share rule
// (exactly 100 in total) can be checked on the request itself — by the form as you type and by the API.
import { z } from "zod";
import { DEAL_TEAM_ROLES, formatSharePct, isCompleteShareSplit, isValidSharePct, totalSharePct } from "@/lib/domain/deal-team";
import { idSchema } from "./common";

export const sharesTotalMessage = (total: string) => `The shares total ${total}; they must total exactly 100.`;

export const dealTeamRoleSchema = z.enum(DEAL_TEAM_ROLES, { error: "Unknown team role." });

/** A percentage 0–100 with at most 2 decimal places, as a string; an exact JSON number is accepted too. */
export const sharePctSchema = z
  .union([z.string(), z.number()])
  .transform((value) => (typeof value === "number" ? String(value) : value.trim()))
  .refine(isValidSharePct, { error: "Enter a share from 0 to 100 with at most 2 decimal places." })
  .meta({ type: "string", example: "33.34", description: "Percent of the bonus pool, 0–100, at most 2 decimal places." });

export const teamMemberInputSchema = z
  .strictObject({ userId: idSchema, role: dealTeamRoleSchema, sharePct: sharePctSchema })
  .meta({ id: "TeamMemberInput" });

export const teamReplaceSchema = z
  .strictObject({ members: z.array(teamMemberInputSchema).max(50, { error: "At most 50 members." }) })
  .superRefine(({ members }, context) => {
    const seen = new Set<string>();
    members.forEach((member, index) => {
      if (seen.has(member.userId)) {
        context.addIssue({ code: "custom", path: ["members", index, "userId"], message: "This person is already on the team." });
      }
      seen.add(member.userId);
    });
    const shares = members.map((member) => member.sharePct);
    if (shares.every(isValidSharePct) && !isCompleteShareSplit(shares)) {
      context.addIssue({ code: "custom", path: ["members"], message: sharesTotalMessage(formatSharePct(totalSharePct(shares))) });
    }
  })
  .meta({ id: "TeamReplace", description: "The whole team; an empty list removes everyone. Shares total exactly 100." });

export type TeamReplaceInput = z.input<typeof teamReplaceSchema>;
export type TeamReplace = z.output<typeof teamReplaceSchema>;

export const teamMemberOutputSchema = z
  .object({
    userId: z.uuid(),
    userName: z.string(),
    role: dealTeamRoleSchema,
    sharePct: z.string().meta({ example: "33.34" }),
  })
  .meta({ id: "TeamMember" });

export const teamOutputSchema = z
  .object({ members: z.array(teamMemberOutputSchema) })
  .meta({ id: "Team", description: "Members by role (sales first), then name." });

export type TeamMemberOutput = z.infer<typeof teamMemberOutputSchema>;
export type TeamOutput = z.infer<typeof teamOutputSchema>;
