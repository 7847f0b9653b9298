// The workspace's own field errors arrive in English from its shared zod schemas and lib/data (the same
// text the REST API returns); this maps them to the user's language, after the app-wide localizer has
// handled the common ones. Anything unrecognised is shown as it came.
import type { FieldErrorMap } from "@/components/forms/localize";
import { interpolate } from "@/lib/i18n/config";
import type { Messages } from "@/messages/en";

export function localizeWorkspaceError(message: string, m: Messages): string {
  const e = m.workspace.errors;
  const total = /^The shares total ([\d.]+); they must total exactly 100\.$/.exec(message);
  if (total) return interpolate(e.sharesTotal, { total: total[1] });
  switch (message) {
    case "Enter a share from 0 to 100 with at most 2 decimal places.":
      return e.share;
    case "This person is already on the team.":
      return e.alreadyOnTeam;
    case "No such active user in your organization.":
      return e.noSuchMember;
    case "This contact does not belong to the deal's account.":
      return e.contactNotOnAccount;
    case "Unknown activity type.":
      return e.activityType;
    case "Use an ISO 8601 date and time with an offset, e.g. 2027-03-31T09:30:00+08:00.":
      return e.occurredAt;
    case "Use a date between the years 1900 and 2200.":
      return e.occurredAtRange;
    case "Subject is required.":
      return e.subject;
    default:
      return message;
  }
}

export function localizeWorkspaceErrors(errors: FieldErrorMap, m: Messages): FieldErrorMap {
  return Object.fromEntries(Object.entries(errors).map(([path, message]) => [path, localizeWorkspaceError(message, m)]));
}
