// REST API v1 routes of sign-in and session trust (issue 9): password change and admin reset; spliced
// into the one route table (lib/api/routes.ts), from which the OpenAPI document is generated.
import { passwordChangeSchema, passwordResetSchema } from "@/lib/validations/password";
import type { ApiRouteSpec } from "./routes";

export const SECURITY_API_ROUTES: readonly ApiRouteSpec[] = [
  {
    method: "POST", path: "/api/v1/me/password", operationId: "changeOwnPassword", tag: "Profile",
    summary: "Change your own password: 12–128 characters, not a common password; every session of yours ends (sign in again); audited",
    body: passwordChangeSchema,
    response: { status: 204, description: "Changed; existing sessions no longer work." },
  },
  {
    method: "POST", path: "/api/v1/admin/users/:id/password", operationId: "resetAdminUserPassword", tag: "Administration",
    summary: "Set a new password for a user of your org (hand it over in person); their sessions end at once; audited; admins only",
    body: passwordResetSchema,
    response: { status: 204, description: "Reset; the user signs in with the new password." },
  },
];
