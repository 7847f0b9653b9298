import { created, parseBody, publicRoute } from "@/lib/api/http";
import { signUpOrganization } from "@/lib/data/org-signup";
import { signupSchema } from "@/lib/validations/admin";

export const dynamic = "force-dynamic";

// POST /api/v1/signup — create an organization and its first administrator (public; rate limiting is a later issue)
export const POST = publicRoute(async (request) => {
  return created(await signUpOrganization(await parseBody(request, signupSchema)));
});
