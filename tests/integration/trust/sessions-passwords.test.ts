// Passwords and sessions (issue 9): 12–128 characters, no composition rules, common passwords refused;
// users change their own, admins reset; sign-out, deactivation and password change end existing sessions
// (the JWT's session version no longer matches the user's).
import bcrypt from "bcryptjs";
import { beforeAll, describe, expect, it } from "vitest";
import * as passwordRoute from "@/app/api/v1/me/password/route";
import * as resetRoute from "@/app/api/v1/admin/users/[id]/password/route";
import * as usersRoute from "@/app/api/v1/admin/users/route";
import { authOptions } from "@/lib/auth";
import { deactivateUser } from "@/lib/data/admin-users";
import { signInWithPassword } from "@/lib/data/sign-in";
import { loadContext } from "@/lib/data/users";
import { db } from "@/lib/db";
import { checkPassword, isCommonPassword } from "@/lib/domain/password-policy";
import { type ApiWorld, buildApiWorld, call, contextOf, expectProblem } from "../api/helpers";

const OLD = "an-old-long-passphrase";
let world: ApiWorld;

beforeAll(async () => {
  world = await buildApiWorld();
  await db.user.updateMany({ where: { orgId: world.org.id }, data: { passwordHash: await bcrypt.hash(OLD, 4) } });
});

describe("password rule", () => {
  it("accepts 12 to 128 characters of anything, refuses shorter, longer and common ones", () => {
    expect(checkPassword("short-pass1")).toBe("TOO_SHORT");
    expect(checkPassword("x".repeat(129))).toBe("TOO_LONG");
    expect(checkPassword("PasswordPassword")).toBe("COMMON");
    expect(checkPassword("qwertyuiop123")).toBe("COMMON");
    expect(checkPassword("aaaaaaaaaaaaaaaa")).toBe("COMMON");
    expect(checkPassword("lower case only words")).toBeNull();
    expect(checkPassword("密码很长的中文短语也可以用")).toBeNull();
    expect(checkPassword("ma.lin@test.example", "MA.LIN@test.example")).toBe("SAME_AS_EMAIL");
    expect(isCommonPassword("iloveyou")).toBe(true);
  });

  it("refuses a common password when an admin creates a user (422 on password), and writes nothing", async () => {
    const before = await db.user.count();
    const result = await call(usersRoute.POST, {
      method: "POST", token: world.admin.token,
      body: { name: "New", email: "common-pw@test.example", role: "REP", password: "password123456789" },
    });
    expect(expectProblem(result, 422).errors).toEqual([{ path: "password", message: "This password is too common. Choose a longer, less predictable one." }]);
    expect(await db.user.count()).toBe(before);
  });
});

describe("changing and resetting passwords", () => {
  it("lets a user change their own password with the current one; the old sessions end, the new password signs in", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { id: world.rep2.id } });
    const wrong = await call(passwordRoute.POST, { method: "POST", token: world.rep2.token, body: { currentPassword: "not-it-at-all", newPassword: "a-brand-new-passphrase" } });
    expect(expectProblem(wrong, 422).errors?.[0]).toMatchObject({ path: "currentPassword" });
    const common = await call(passwordRoute.POST, { method: "POST", token: world.rep2.token, body: { currentPassword: OLD, newPassword: "iloveyou12345" } });
    expect(expectProblem(common, 422).errors?.[0]).toMatchObject({ path: "newPassword" });
    expect(await loadContext(user.id, user.sessionVersion)).not.toBeNull();

    const changed = await call(passwordRoute.POST, { method: "POST", token: world.rep2.token, body: { currentPassword: OLD, newPassword: "a-brand-new-passphrase" } });
    expect(changed.status).toBe(204);
    expect(await loadContext(user.id, user.sessionVersion)).toBeNull();
    expect(await signInWithPassword({ email: user.email, password: OLD, ip: null })).toBeNull();
    expect(await signInWithPassword({ email: user.email, password: "a-brand-new-passphrase", ip: null })).toMatchObject({ sessionVersion: user.sessionVersion + 1 });
    expect(await db.auditLog.count({ where: { action: "user.passwordChange", entityId: user.id } })).toBe(1);
  });

  it("lets an admin reset a user's password (sessions end), refuses others and other orgs", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { id: world.rep3.id } });
    expectProblem(await call(resetRoute.POST, { method: "POST", token: world.manager.token, params: { id: user.id }, body: { password: "a-reset-passphrase-1" } }), 403);
    expectProblem(await call(resetRoute.POST, { method: "POST", token: world.otherAdmin.token, params: { id: user.id }, body: { password: "a-reset-passphrase-1" } }), 404);
    const reset = await call(resetRoute.POST, { method: "POST", token: world.admin.token, params: { id: user.id }, body: { password: "a-reset-passphrase-1" } });
    expect(reset.status).toBe(204);
    expect(await loadContext(user.id, user.sessionVersion)).toBeNull();
    expect(await signInWithPassword({ email: user.email, password: "a-reset-passphrase-1", ip: null })).not.toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "user.passwordReset", entityId: user.id } });
    expect(audit).toMatchObject({ actorId: world.admin.id });
    expect(JSON.stringify(audit)).not.toContain("a-reset-passphrase-1");
  });
});

describe("sessions end for real", () => {
  it("ends every session at sign-out (next-auth signOut event bumps the session version)", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { id: world.manager2.id } });
    expect(await loadContext(user.id, user.sessionVersion)).not.toBeNull();
    await authOptions.events!.signOut!({ token: { uid: user.id, sv: user.sessionVersion }, session: null as never });
    expect(await loadContext(user.id, user.sessionVersion)).toBeNull();
    expect(await loadContext(user.id, user.sessionVersion + 1)).not.toBeNull();
  });

  it("ends the sessions and tokens of a deactivated user at once", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { id: world.rep.id } });
    await deactivateUser(await contextOf(world.admin.id), user.id);
    expect(await loadContext(user.id, user.sessionVersion)).toBeNull();
    expect(await loadContext(user.id, user.sessionVersion + 1)).toBeNull();
    expectProblem(await call(passwordRoute.POST, { method: "POST", token: world.rep.token, body: { currentPassword: OLD, newPassword: "x-long-enough-pass" } }), 401);
  });

  it("puts the session version into the JWT at sign-in, and the session carries it", async () => {
    const jwt = await authOptions.callbacks!.jwt!({ token: {}, user: { id: "u1", sv: 7 } as never, account: null, trigger: "signIn" } as never);
    expect(jwt).toMatchObject({ uid: "u1", sv: 7 });
    const session = await authOptions.callbacks!.session!({ session: { expires: "" }, token: jwt } as never);
    expect(session).toMatchObject({ uid: "u1", sv: 7 });
  });
});
