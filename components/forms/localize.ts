// Field errors arrive in English from the shared zod schemas and the data layer (the same text the REST
// API returns). The UI shows them in the user's language by recognising those known sentences; anything
// unrecognised is shown as it came, rather than hidden.
import type { z } from "zod";
import type { FieldError } from "@/lib/errors";
import { interpolate } from "@/lib/i18n/config";
import type { Messages } from "@/messages/en";
import type { ActionFailure } from "./action-result";

type ValidationKey = keyof Messages["validation"];

const EXACT: Record<string, ValidationKey> = {
  "Name is required.": "required",
  "Must be a valid id.": "invalidId",
  "Enter an amount ≥ 0 with at most 2 decimal places.": "amount",
  "Use a 3-letter ISO currency code, e.g. CNY.": "currency",
  "Use the format YYYY-MM-DD.": "dateFormat",
  "This date does not exist.": "dateMissing",
  "Unknown stage.": "stage",
  "A lost deal needs a loss reason.": "lossReason",
  "Enter a valid email address.": "email",
  "No such account in your organization.": "noSuchAccount",
  "No such active user in your organization.": "noSuchOwner",
  "No such user in your organization.": "noSuchOwner",
  "No such team in your organization.": "noSuchTeam",
  "The owner is not a member of this team.": "ownerNotInTeam",
  "Unknown field.": "unknownField",
};

// Administration's sentences (lib/validations/admin.ts, lib/data/admin-*.ts, lib/data/lists.ts).
const ADMIN_EXACT: Record<string, keyof Messages["admin"]["validation"]> = {
  "Choose a role.": "chooseRole",
  "Choose a kind.": "chooseKind",
  "Unknown list.": "unknownList",
  "This email address cannot be used. Use another one or sign in.": "emailTaken",
  "A team's manager must stay a member; pick another manager first.": "managerStaysMember",
  "You cannot change your own role.": "ownRole",
  "This user manages a team; pick another manager for it first.": "managesTeam",
  "The organization needs at least one active administrator.": "lastAdmin",
  "You cannot deactivate yourself.": "selfDeactivate",
  "Choose a different owner.": "sameOwner",
  "The manager must be a sales manager or an administrator.": "managerRole",
  "A team with this name already exists.": "teamNameTaken",
  "This key is already in the list.": "keyTaken",
  "Enter a key: capital letters, digits and _.": "keyRequired",
  "Use capital letters, digits and _ (at most 60).": "keyFormat",
  "The English label is required.": "labelEnRequired",
  "The Chinese label is required.": "labelZhRequired",
  "List every item of the list exactly once.": "reorderIncomplete",
  "At most 200 entries.": "tooMany",
};

// Password rule sentences (lib/data/passwords.ts).
const TRUST_EXACT: Record<string, keyof Messages["security"]["validation"]> = {
  "This password is too common. Choose a longer, less predictable one.": "common",
  "The password must not be your email address.": "sameAsEmail",
  "The current password is wrong.": "currentWrong",
};

// The import's row checks (lib/data/import-apply.ts and the batch forms of the data functions).
const IMPORT_EXACT: Record<string, keyof Messages["trust"]["import"]["rowErrors"]> = {
  "No account has this external id.": "accountExternalIdUnknown",
  "This account is in the recycle bin.": "accountInBin",
  "This account is in the recycle bin; restore it first.": "accountInBin",
  "Name the account (external id or name).": "accountMissing",
  "No account has this name.": "accountNameUnknown",
  "Several accounts have this name; use the account's external id.": "accountNameAmbiguous",
  "No active user has this email.": "ownerEmailUnknown",
  "This contact is in the recycle bin; restore it first.": "contactInBin",
  "This deal is in the recycle bin; restore it first.": "dealInBin",
  "Another record took this external id meanwhile.": "externalIdTaken",
  "This would make the contact report to someone who reports to them.": "reportsToLoop",
  "Use yes or no.": "yesOrNo",
  "This opportunity was changed by someone else. Reload and try again.": "changedMeanwhile",
};

export function localizeFieldMessage(message: string, m: Messages): string {
  const key = EXACT[message];
  if (key) return m.validation[key];
  const trustKey = TRUST_EXACT[message];
  if (trustKey) return m.security.validation[trustKey];
  const adminKey = ADMIN_EXACT[message];
  if (adminKey) return m.admin.validation[adminKey];
  const importKey = IMPORT_EXACT[message];
  if (importKey) return m.trust.import.rowErrors[importKey];
  const repeated = /^The same external id is in row (\d+)\.$/.exec(message);
  if (repeated) return interpolate(m.trust.import.rowErrors.repeatedExternalId, { row: repeated[1] });
  const minLength = /^At least (\d+) characters\.$/.exec(message);
  if (minLength) return interpolate(m.admin.validation.passwordMin, { min: minLength[1] });
  const maxLength = /^At most (\d+) characters\.$/.exec(message);
  if (maxLength) return interpolate(m.validation.maxLength, { max: maxLength[1] });
  if (/^The deal is already in /.test(message)) return m.validation.sameStage;
  if (/received undefined$/.test(message)) return m.validation.required;
  return message;
}

export type FieldErrorMap = Record<string, string>;

/** First error per field path, localized. */
export function toFieldErrorMap(errors: FieldError[], m: Messages): FieldErrorMap {
  const map: FieldErrorMap = {};
  for (const error of errors) map[error.path] ??= localizeFieldMessage(error.message, m);
  return map;
}

export function zodIssuesToFieldErrors(issues: z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join(".") || "(root)", message: issue.message }));
}

/** The banner text above a form for a failed action. */
export function failureMessage(failure: Pick<ActionFailure, "code">, m: Messages): string {
  switch (failure.code) {
    case "VALIDATION":
      return m.errors.checkFields;
    case "CONFLICT":
      return m.errors.conflictBody;
    case "FORBIDDEN":
      return m.errors.forbidden;
    case "UNAUTHENTICATED":
      return m.errors.signedOut;
    case "NOT_FOUND":
      return m.errors.notFoundBody;
    default:
      return m.common.unknownError;
  }
}
