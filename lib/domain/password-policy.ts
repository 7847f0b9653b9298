// The password rule (OWASP ASVS V6.2): 12 to 128 characters, any characters, no composition rules —
// but not a password from the common-password list, not one character repeated, and not the email.
import { COMMON_PASSWORDS } from "./common-passwords";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = "TOO_SHORT" | "TOO_LONG" | "COMMON" | "SAME_AS_EMAIL";

let commonSet: ReadonlySet<string> | undefined;

export function isCommonPassword(password: string): boolean {
  commonSet ??= new Set(COMMON_PASSWORDS.split("\n").filter(Boolean));
  const folded = password.trim().toLowerCase();
  return commonSet.has(folded) || new Set(folded).size <= 1;
}

/** The first thing wrong with a new password, or null when it is acceptable. Length counts code points. */
export function checkPassword(password: string, email?: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return "TOO_SHORT";
  if (length > PASSWORD_MAX_LENGTH) return "TOO_LONG";
  if (isCommonPassword(password)) return "COMMON";
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) return "SAME_AS_EMAIL";
  return null;
}
