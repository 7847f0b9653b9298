// Administration is ADMIN only: every admin data function refuses managers and reps with FORBIDDEN, and
// every admin route answers them 403 problem+json — before anything is read or written.
import { beforeAll, describe, expect, it } from "vitest";
import * as auditExportRoute from "@/app/api/v1/admin/audit/export.csv/route";
import * as listRoute from "@/app/api/v1/admin/lists/[id]/route";
import * as listReorderRoute from "@/app/api/v1/admin/lists/reorder/route";
import * as listsRoute from "@/app/api/v1/admin/lists/route";
import * as teamRoute from "@/app/api/v1/admin/teams/[id]/route";
import * as teamsRoute from "@/app/api/v1/admin/teams/route";
import * as deactivateRoute from "@/app/api/v1/admin/users/[id]/deactivate/route";
import * as reactivateRoute from "@/app/api/v1/admin/users/[id]/reactivate/route";
import * as reassignRoute from "@/app/api/v1/admin/users/[id]/reassign-deals/route";
import * as userRoute from "@/app/api/v1/admin/users/[id]/route";
import * as usersRoute from "@/app/api/v1/admin/users/route";
import { createTeam, listAdminTeams, updateTeam } from "@/lib/data/admin-teams";
import { createUser, deactivateUser, getAdminUser, listAdminUsers, reactivateUser, reassignOpenDeals, updateUser } from "@/lib/data/admin-users";
import { listAuditEntries } from "@/lib/data/audit";
import { listAuditFilterOptions, openAuditCsvExport } from "@/lib/data/audit-view";
import { createListItem, listListItems, reorderList, updateListItem } from "@/lib/data/lists";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/permissions";
import { type ApiWorld, buildApiWorld, call, contextOf, expectProblem } from "../api/helpers";

let world: ApiWorld;
let listItemId: string;
beforeAll(async () => {
  world = await buildApiWorld();
  listItemId = (await db.orgListItem.create({ data: { orgId: world.org.id, list: "SEGMENT", key: "KA", labelEn: "Key", labelZh: "重点", order: 0 } })).id;
});

function adminCalls(ctx: Ctx): [string, () => Promise<unknown>][] {
  const target = world.rep2.id;
  const csvHeaders = { at: "", actor: "", actorId: "", action: "", entityType: "", entityId: "", before: "", after: "", ip: "" };
  return [
    ["listAdminUsers", () => listAdminUsers(ctx)],
    ["getAdminUser", () => getAdminUser(ctx, target)],
    ["createUser", () => createUser(ctx, { name: "X", email: `x-${Date.now()}@test.example`, role: "REP", password: "long-enough-password" })],
    ["updateUser", () => updateUser(ctx, target, { role: "ADMIN" })],
    ["deactivateUser", () => deactivateUser(ctx, target)],
    ["reactivateUser", () => reactivateUser(ctx, target)],
    ["reassignOpenDeals", () => reassignOpenDeals(ctx, target, ctx.userId)],
    ["listAdminTeams", () => listAdminTeams(ctx)],
    ["createTeam", () => createTeam(ctx, { name: `T ${Date.now()}`, kind: "REGION" })],
    ["updateTeam", () => updateTeam(ctx, world.north.id, { name: "Renamed" })],
    ["listListItems", () => listListItems(ctx)],
    ["createListItem", () => createListItem(ctx, { list: "SEGMENT", labelEn: "New", labelZh: "新" })],
    ["updateListItem", () => updateListItem(ctx, listItemId, { active: false })],
    ["reorderList", () => reorderList(ctx, { list: "SEGMENT", ids: [listItemId] })],
    ["listAuditEntries", () => listAuditEntries(ctx, { limit: 10 })],
    ["listAuditFilterOptions", () => listAuditFilterOptions(ctx)],
    ["openAuditCsvExport", () => openAuditCsvExport(ctx, {}, csvHeaders)],
  ];
}

describe("admin data functions", () => {
  it.each(["manager", "rep"] as const)("refuse a %s with FORBIDDEN and change nothing", async (who) => {
    const ctx = await contextOf(world[who].id);
    const auditBefore = await db.auditLog.count({ where: { orgId: world.org.id } });
    for (const [name, run] of adminCalls(ctx)) {
      await expect(run(), name).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db.auditLog.count({ where: { orgId: world.org.id } })).toBe(auditBefore);
    expect(await db.user.findUniqueOrThrow({ where: { id: world.rep2.id } })).toMatchObject({ role: "REP", isActive: true });
    expect((await db.team.findUniqueOrThrow({ where: { id: world.north.id } })).name).not.toBe("Renamed");
    expect((await db.orgListItem.findUniqueOrThrow({ where: { id: listItemId } })).active).toBe(true);
  });

  it("let an admin through", async () => {
    const ctx = await contextOf(world.admin.id);
    expect((await listAdminUsers(ctx)).length).toBe(6);
    expect((await listListItems(ctx)).map((item) => item.id)).toEqual([listItemId]);
  });
});

describe("admin routes", () => {
  it.each(["manager", "rep"] as const)("answer a %s 403 problem+json on every method", async (who) => {
    const token = world[who].token;
    const id = { id: world.rep2.id };
    const results = [
      await call(usersRoute.GET, { token }),
      await call(usersRoute.POST, { method: "POST", token, body: { name: "X", email: "x@test.example", role: "REP", password: "long-enough-password" } }),
      await call(userRoute.GET, { token, params: id }),
      await call(userRoute.PATCH, { method: "PATCH", token, params: id, body: { role: "ADMIN" } }),
      await call(deactivateRoute.POST, { method: "POST", token, params: id }),
      await call(reactivateRoute.POST, { method: "POST", token, params: id }),
      await call(reassignRoute.POST, { method: "POST", token, params: id, body: { toUserId: world[who].id } }),
      await call(teamsRoute.GET, { token }),
      await call(teamsRoute.POST, { method: "POST", token, body: { name: "New team", kind: "REGION" } }),
      await call(teamRoute.PATCH, { method: "PATCH", token, params: { id: world.north.id }, body: { name: "Renamed" } }),
      await call(listsRoute.GET, { token, url: "/api/v1/admin/lists?list=SEGMENT" }),
      await call(listsRoute.POST, { method: "POST", token, body: { list: "SEGMENT", labelEn: "New", labelZh: "新" } }),
      await call(listRoute.PATCH, { method: "PATCH", token, params: { id: listItemId }, body: { active: false } }),
      await call(listReorderRoute.POST, { method: "POST", token, body: { list: "SEGMENT", ids: [listItemId] } }),
      await call(auditExportRoute.GET, { token, url: "/api/v1/admin/audit/export.csv" }),
    ];
    for (const result of results) expectProblem(result, 403);
  });

  it("answer 401 without credentials", async () => {
    expectProblem(await call(usersRoute.GET, {}), 401);
    expectProblem(await call(auditExportRoute.GET, { url: "/api/v1/admin/audit/export.csv" }), 401);
  });

  it("never reach another org's records: an admin gets 404 for them", async () => {
    const token = world.otherAdmin.token;
    expectProblem(await call(userRoute.GET, { token, params: { id: world.rep.id } }), 404);
    expectProblem(await call(deactivateRoute.POST, { method: "POST", token, params: { id: world.rep.id } }), 404);
    expectProblem(await call(teamRoute.PATCH, { method: "PATCH", token, params: { id: world.north.id }, body: { name: "Mine now" } }), 404);
    expectProblem(await call(listRoute.PATCH, { method: "PATCH", token, params: { id: listItemId }, body: { active: false } }), 404);
    expect(await db.user.findUniqueOrThrow({ where: { id: world.rep.id } })).toMatchObject({ isActive: true });
  });
});
