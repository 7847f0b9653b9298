// Password change (settings) and admin reset; the full rule (length, common list) is checked by
// lib/data/passwords with lib/domain/password-policy.
import { z } from "zod";
import { passwordSchema } from "./admin";

export const passwordChangeSchema = z
  .strictObject({ currentPassword: z.string().min(1, { error: "Required." }).max(1024), newPassword: passwordSchema })
  .meta({ id: "PasswordChange", description: "Ends every session of the user, this one included." });

export const passwordResetSchema = z
  .strictObject({ password: passwordSchema })
  .meta({ id: "AdminPasswordReset", description: "Sets a new password; the user's sessions end at once." });

export type PasswordChange = z.infer<typeof passwordChangeSchema>;
