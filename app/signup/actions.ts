"use server";

import { parseWith } from "@/lib/api/http";
import { signUpOrganization } from "@/lib/data/org-signup";
import { signupSchema } from "@/lib/validations/admin";
import { runPublicAction } from "../(app)/_lib/action";

// Organization sign-up from /signup (public): the same data function as POST /api/v1/signup. The browser
// signs in with the chosen email and password afterwards. Rate limiting is a later issue.
export async function signUpAction(input: unknown) {
  return runPublicAction(async () => {
    const result = await signUpOrganization(parseWith(signupSchema, input));
    return { email: result.email };
  });
}
