// Team administration: create, rename, kind, manager (an active MANAGER or ADMIN, always a member), members.
import { beforeAll, describe, expect, it } from "vitest";
import * as teamRoute from "@/app/api/v1/admin/teams/[id]/route";
import * as teamsRoute from "@/app/api/v1/admin/teams/route";
import { createTeam, listAdminTeams, updateTeam } from "@/lib/data/admin-teams";
import { loadContext } from "@/lib/data/users";
import { db } from "@/lib/db";
import type { TeamOutput } from "@/lib/validations/admin";
import { buildUser } from "../../factories";
import { type ApiWorld, buildApiWorld, call, contextOf, expectProblem } from "../api/helpers";

let world: ApiWorld;
beforeAll(async () => {
  world = await buildApiWorld();
});

describe("createTeam", () => {
  it("creates a team whose manager is also a member and gains the team in their reach", async () => {
    const result = await call<TeamOutput>(teamsRoute.POST, {
      method: "POST", token: world.admin.token,
      body: { name: "Key Accounts East", kind: "CUSTOMER_GROUP", managerId: world.manager2.id, memberIds: [world.rep.id] },
    });
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ name: "Key Accounts East", kind: "CUSTOMER_GROUP", manager: { id: world.manager2.id } });
    expect(result.body.members.map((member) => member.id).sort()).toEqual([world.manager2.id, world.rep.id].sort());
    expect((await loadContext(world.manager2.id))?.managedTeamIds).toContain(result.body.id);
  });

  it("refuses a rep, an inactive user or another org's user as manager, and a duplicate name", async () => {
    const ctx = await contextOf(world.admin.id);
    const inactive = await buildUser(db, world.org.id, { role: "MANAGER", isActive: false });
    for (const managerId of [world.rep.id, inactive.id, world.otherAdmin.id]) {
      await expect(createTeam(ctx, { name: `T ${managerId}`, kind: "REGION", managerId })).rejects.toMatchObject({ errors: [{ path: "managerId" }] });
    }
    await expect(createTeam(ctx, { name: "Foreign members", kind: "REGION", memberIds: [world.otherRep.id] })).rejects.toMatchObject({
      errors: [{ path: "memberIds" }],
    });
    const north = await db.team.findUniqueOrThrow({ where: { id: world.north.id } });
    const duplicate = expectProblem(await call(teamsRoute.POST, { method: "POST", token: world.admin.token, body: { name: north.name, kind: "REGION" } }), 422);
    expect(duplicate.errors).toEqual([{ path: "name", message: "A team with this name already exists." }]);
  });

  it("refuses an unknown kind", async () => {
    const problem = expectProblem(await call(teamsRoute.POST, { method: "POST", token: world.admin.token, body: { name: "Odd", kind: "GUILD" } }), 422);
    expect(problem.errors?.[0].path).toBe("kind");
  });
});

describe("updateTeam", () => {
  it("renames, changes the kind, the manager and the members, and audits before and after", async () => {
    const ctx = await contextOf(world.admin.id);
    const team = await createTeam(ctx, { name: "Product: Storage", kind: "PRODUCT", managerId: world.manager.id, memberIds: [world.rep2.id] });
    const result = await call<TeamOutput>(teamRoute.PATCH, {
      method: "PATCH", token: world.admin.token, params: { id: team.id },
      body: { name: "Product: Energy Storage", kind: "REGION", managerId: world.manager2.id, memberIds: [world.rep3.id] },
    });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ name: "Product: Energy Storage", kind: "REGION", manager: { id: world.manager2.id } });
    expect(result.body.members.map((member) => member.id).sort()).toEqual([world.manager2.id, world.rep3.id].sort());
    const audit = await db.auditLog.findFirstOrThrow({ where: { orgId: world.org.id, action: "team.update", entityId: team.id } });
    expect(audit.before).toMatchObject({ name: "Product: Storage", kind: "PRODUCT", managerId: world.manager.id });
    expect(audit.after).toMatchObject({ name: "Product: Energy Storage", kind: "REGION", managerId: world.manager2.id });
  });

  it("can remove the manager, and lists every team of the org only", async () => {
    const ctx = await contextOf(world.admin.id);
    const updated = await updateTeam(ctx, world.south.id, { managerId: null });
    expect(updated.manager).toBeNull();
    const names = (await listAdminTeams(ctx)).map((team) => team.id);
    expect(names).toContain(world.north.id);
    expect(names).not.toContain(world.otherTeam.id);
  });
});
