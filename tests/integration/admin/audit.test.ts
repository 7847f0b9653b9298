// Every admin change leaves an audit row (who, when, before, after); the trail filters by action, entity,
// actor and date, and exports as a streamed CSV of exactly the filtered entries. Nobody can edit it.
import { beforeAll, describe, expect, it } from "vitest";
import * as auditExportRoute from "@/app/api/v1/admin/audit/export.csv/route";
import { createTeam } from "@/lib/data/admin-teams";
import { createUser, deactivateUser, updateUser } from "@/lib/data/admin-users";
import { listAuditEntries } from "@/lib/data/audit";
import { listAuditFilterOptions, openAuditCsvExport, toAuditQuery } from "@/lib/data/audit-view";
import { createListItem, updateListItem } from "@/lib/data/lists";
import { db } from "@/lib/db";
import { type ApiWorld, buildApiWorld, contextOf } from "../api/helpers";

let world: ApiWorld;
let userId: string;
/** Rows written before the changes under test (building the world audits e.g. each API token it creates). */
let baseline: { id: string; action: string; entityType: string; actorId: string | null }[];
/** Ids of every row (any org) that existed before the changes under test. */
let priorIds: Set<string>;
const isNew = (row: { id: string }) => !priorIds.has(row.id);
beforeAll(async () => {
  world = await buildApiWorld();
  const ctx = await contextOf(world.admin.id);
  baseline = await db.auditLog.findMany({ where: { orgId: world.org.id }, select: { id: true, action: true, entityType: true, actorId: true } });
  priorIds = new Set((await db.auditLog.findMany({ select: { id: true } })).map((row) => row.id));
  userId = (await createUser(ctx, { name: "Audited", email: "audited@audit.test", role: "REP", password: "audit-password-1" })).id;
  await updateUser(ctx, userId, { role: "MANAGER", teamIds: [world.north.id] });
  await deactivateUser(ctx, userId);
  await createTeam(ctx, { name: "Audit team", kind: "PRODUCT" });
  const item = await createListItem(ctx, { list: "REGION", labelEn: "Overseas", labelZh: "海外" });
  await updateListItem(ctx, item.id, { labelZh: "海外市场" });
});

const CSV_HEADERS = { at: "at", actor: "actor", actorId: "actorId", action: "action", entityType: "entityType", entityId: "entityId", before: "before", after: "after", ip: "ip" };

describe("audit rows", () => {
  it("record each change with its actor, before and after — never the password", async () => {
    const rows = (await db.auditLog.findMany({ where: { orgId: world.org.id }, orderBy: { at: "asc" } })).filter(isNew);
    expect(rows.map((row) => row.action)).toEqual(["user.create", "user.update", "user.deactivate", "team.create", "list.create", "list.update"]);
    expect(rows.every((row) => row.actorId === world.admin.id)).toBe(true);
    const [created, updated, deactivated] = rows;
    expect(created.before).toBeNull();
    expect(created.after).toMatchObject({ name: "Audited", email: "audited@audit.test", role: "REP", isActive: true, teamIds: [] });
    expect(JSON.stringify(rows)).not.toMatch(/audit-password-1|passwordHash|\$2[aby]\$/);
    expect(updated).toMatchObject({ entityType: "User", entityId: userId, before: { role: "REP", teamIds: [] }, after: { role: "MANAGER", teamIds: [world.north.id] } });
    expect(deactivated).toMatchObject({ before: { isActive: true }, after: { isActive: false } });
    expect(rows[5]).toMatchObject({ entityType: "OrgListItem", before: { labelZh: "海外" }, after: { labelZh: "海外市场" } });
  });

  it("filter by action, entity type, actor and period; offer the values that occur", async () => {
    const ctx = await contextOf(world.admin.id);
    const byAction = await listAuditEntries(ctx, toAuditQuery({ action: "user.update" }, 50));
    expect(byAction.items.map((entry) => entry.entityId)).toEqual([userId]);
    const byEntity = await listAuditEntries(ctx, toAuditQuery({ entityType: "OrgListItem" }, 50));
    expect(byEntity.items.map((entry) => entry.action)).toEqual(["list.update", "list.create"]);
    const today = new Date().toISOString().slice(0, 10);
    const byAdminToday = (await listAuditEntries(ctx, toAuditQuery({ actorId: world.admin.id, from: today, to: today }, 50))).items;
    expect(byAdminToday.filter(isNew)).toHaveLength(6);
    expect(byAdminToday).toHaveLength(6 + baseline.filter((row) => row.actorId === world.admin.id).length);
    expect((await listAuditEntries(ctx, toAuditQuery({ to: "2000-01-01" }, 50))).items).toEqual([]);
    const options = await listAuditFilterOptions(ctx);
    const sortedUnique = (values: string[]) => [...new Set(values)].sort();
    const changed = ["list.create", "list.update", "team.create", "user.create", "user.deactivate", "user.update"];
    expect(options.actions).toEqual(sortedUnique([...changed, ...baseline.map((row) => row.action)]));
    expect(options.entityTypes).toEqual(sortedUnique(["OrgListItem", "Team", "User", ...baseline.map((row) => row.entityType)]));
    const actorIds = sortedUnique([world.admin.id, ...baseline.flatMap((row) => (row.actorId ? [row.actorId] : []))]);
    expect(options.actors.map((actor) => actor.id).sort()).toEqual(actorIds);
    expect((await listAuditEntries(await contextOf(world.otherAdmin.id), { limit: 50 })).items.filter(isNew)).toEqual([]);
  });
});

async function readStream(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("GET /api/v1/admin/audit/export.csv", () => {
  it("streams the filtered trail as CSV with a BOM, a header and one record per entry", async () => {
    const response = await auditExportRoute.GET(
      new Request("http://localhost/api/v1/admin/audit/export.csv?entityType=User", { headers: { authorization: `Bearer ${world.admin.token}` } }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trimEnd().split("\r\n");
    expect(lines[0]).toBe("Time (UTC),Who,Who (id),Action,Entity,Entity id,Before,After,IP address");
    expect(lines).toHaveLength(4);
    expect(lines.slice(1).map((line) => line.split(",")[3])).toEqual(["user.deactivate", "user.update", "user.create"]);
    expect(lines[1]).toContain('"{""name"":""Audited""');
  });

  it("pages through the whole trail in batches", async () => {
    const ctx = await contextOf(world.admin.id);
    // Every row of the org's trail at the start of the export (which by now also holds e.g. the audited export above);
    // this export's own audit row is written after its first page is read.
    const entries = await db.auditLog.count({ where: { orgId: world.org.id } });
    const text = await readStream(await openAuditCsvExport(ctx, {}, CSV_HEADERS, 2));
    expect(text.trimEnd().split("\r\n")).toHaveLength(1 + entries);
    expect(entries).toBeGreaterThan(2 * 3);
  });


  it("refuses an inverted period before sending anything", async () => {
    const response = await auditExportRoute.GET(
      new Request("http://localhost/api/v1/admin/audit/export.csv?from=2030-01-02&to=2030-01-01", { headers: { authorization: `Bearer ${world.admin.token}` } }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(422);
  });
});

describe("the trail is append-only", () => {
  it("has no update or delete path in the code base", async () => {
    const { readFileSync, readdirSync } = await import("node:fs");
    const path = await import("node:path");
    const root = path.resolve(__dirname, "../../../lib");
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((file) => file.endsWith(".ts") && !file.startsWith("generated"));
    for (const file of files) {
      expect(readFileSync(path.join(root, file), "utf8"), file).not.toMatch(/auditLog\.(update|updateMany|delete|deleteMany|upsert)\(/);
    }
  });
});
