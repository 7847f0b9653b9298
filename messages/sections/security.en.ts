// Sign-in defences, passwords and sessions (issue 9).
export const securityEn = {
  rateLimited: "Too many failed sign-ins. Wait a few minutes, then try again.",
  password: {
    title: "Password",
    description: "12 to 128 characters; a passphrase of a few words is easiest to remember. Changing it signs you out everywhere.",
    current: "Current password",
    new: "New password",
    submit: "Change password",
    submitting: "Changing…",
    changed: "Password changed. Sign in again with the new one.",
  },
  reset: {
    button: "Reset password",
    title: "New password for {name}",
    body: "Hand the new password to the person yourself. Their sessions end at once.",
    field: "New password",
    submit: "Set password",
    done: "{name}'s password was reset.",
  },
  validation: {
    common: "This password is too common. Choose a longer, less predictable one.",
    sameAsEmail: "The password must not be your email address.",
    currentWrong: "The current password is wrong.",
  },
};
