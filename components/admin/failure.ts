// Banner text for a failed admin action: the refusals that carry no field (deactivating yourself or the
// last administrator) are recognised by their sentence; everything else as every form shows it.
import type { ActionFailure } from "@/components/forms/action-result";
import { failureMessage, localizeFieldMessage } from "@/components/forms/localize";
import type { Messages } from "@/messages/en";

export function adminFailureText(failure: ActionFailure, m: Messages): string {
  const localized = localizeFieldMessage(failure.message, m);
  if (localized !== failure.message) return localized;
  if (failure.code === "VALIDATION" && failure.fieldErrors.length === 1 && failure.fieldErrors[0].path === "(root)") {
    return localizeFieldMessage(failure.fieldErrors[0].message, m);
  }
  return failureMessage(failure, m);
}
