// The org's activity types are real: logging an activity accepts the built-in types and those an admin
// added to the ACTIVITY_TYPE list, refuses unknown or switched-off ones on `type`; ACTIVITY gate criteria
// are checked against the same types; timelines and gate messages name them in both languages.
import { beforeAll, describe, expect, it } from "vitest";
import * as activitiesRoute from "@/app/api/v1/opportunities/[id]/activities/route";
import { getOrgActivityTypes } from "@/lib/data/activity-types";
import { listOpportunityActivities } from "@/lib/data/activities";
import { getOpportunityGates } from "@/lib/data/gate-status";
import { createGateCriterion, updateGateCriterion } from "@/lib/data/gates";
import { createListItem, updateListItem } from "@/lib/data/lists";
import { db } from "@/lib/db";
import type { FieldError } from "@/lib/errors";
import { call, expectProblem } from "../api/helpers";
import { expectAppError } from "../data/world";
import { buildGateWorld, type GateWorld } from "./world";

let world: GateWorld;
let webinar: { id: string };
let visit: { id: string };

beforeAll(async () => {
  world = await buildGateWorld();
  webinar = await createListItem(world.ctx.admin, { list: "ACTIVITY_TYPE", key: "WEBINAR", labelEn: "Webinar", labelZh: "网络研讨会" });
  // The org relabels a built-in type and switches another off.
  visit = await createListItem(world.ctx.admin, { list: "ACTIVITY_TYPE", key: "VISIT", labelEn: "Site visit", labelZh: "现场拜访" });
  const call = await createListItem(world.ctx.admin, { list: "ACTIVITY_TYPE", key: "PHONE_CALL", labelEn: "Phone call", labelZh: "电话邀约" });
  await updateListItem(world.ctx.admin, call.id, { active: false });
});

const log = (dealId: string, type: string) =>
  call(activitiesRoute.POST, {
    method: "POST", url: `/api/v1/opportunities/${dealId}/activities`, token: world.rep.token, params: { id: dealId },
    body: { type, occurredAt: "2027-03-31T09:30:00+08:00", subject: `${type} with the customer` },
  });

describe("logging activities with the org's types", () => {
  it("accepts a built-in type and a type the admin added, naming each in both languages", async () => {
    const deal = await world.deal("P1");
    expect((await log(deal.id, "TECH_EXCHANGE")).status).toBe(201);
    const added = await log(deal.id, "WEBINAR");
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ type: "WEBINAR", typeName: { en: "Webinar", "zh-CN": "网络研讨会" } });
    const timeline = await listOpportunityActivities(world.ctx.rep, deal.id);
    expect(timeline.data.map((activity) => activity.typeName.en).sort()).toEqual(["Technical exchange / demo", "Webinar"]);
  });

  it("refuses an unknown type and a type the admin switched off with a field error on type, writing nothing", async () => {
    const deal = await world.deal("P1");
    for (const type of ["PHONE_CALL", "NOT_A_TYPE", "webinar"]) {
      const problem = expectProblem(await log(deal.id, type), 422);
      expect(problem.errors).toEqual([{ path: "type", message: "Unknown activity type." }]);
    }
    expect(await db.activity.count({ where: { opportunityId: deal.id } })).toBe(0);
  });

  it("takes the org's labels for built-in types and keeps naming a switched-off type on old activities", async () => {
    const types = await getOrgActivityTypes(world.ctx.rep);
    expect(types.active.find((type) => type.key === "VISIT")?.name).toEqual({ en: "Site visit", "zh-CN": "现场拜访" });
    expect(types.active.map((type) => type.key)).not.toContain("PHONE_CALL");
    expect(types.all.find((type) => type.key === "PHONE_CALL")?.name.en).toBe("Phone call");
    expect(types.active.at(-1)).toMatchObject({ key: "WEBINAR", group: "ORG" });
    expect(visit.id).toBeTruthy();
  });

  it("does not let another org use this org's own type", async () => {
    const other = await getOrgActivityTypes(world.ctx.otherAdmin);
    expect(other.active.map((type) => type.key)).not.toContain("WEBINAR");
  });
});

describe("ACTIVITY gate criteria with the org's types", () => {
  it("accepts an admin-added type, refuses unknown and switched-off ones on config.activityType", async () => {
    const label = { en: "Webinar held", "zh-CN": "已举办研讨会" };
    const criterion = await createGateCriterion(world.ctx.admin, { stage: "P4", kind: "ACTIVITY", label, config: { activityType: "WEBINAR" }, mode: "BLOCK" });
    expect(criterion.config).toEqual({ activityType: "WEBINAR" });
    for (const activityType of ["PHONE_CALL", "NOT_A_TYPE"]) {
      const error = await expectAppError(
        createGateCriterion(world.ctx.admin, { stage: "P4", kind: "ACTIVITY", label, config: { activityType }, mode: "BLOCK" }),
        "VALIDATION",
      );
      expect(error.errors).toEqual([{ path: "config.activityType", message: "Unknown activity type." }]);
    }
    const other = await expectAppError(
      createGateCriterion(world.ctx.otherAdmin, { stage: "P4", kind: "ACTIVITY", label, config: { activityType: "WEBINAR" }, mode: "BLOCK" }),
      "VALIDATION",
    );
    expect((other.errors as FieldError[])[0].path).toBe("config.activityType");

    // Switching the type off later leaves the criterion editable with it, but not re-pointable to another inactive one.
    await updateListItem(world.ctx.admin, webinar.id, { active: false });
    await updateGateCriterion(world.ctx.admin, criterion.id, { stage: "P4", kind: "ACTIVITY", label: { ...label, en: "Webinar run" }, config: { activityType: "WEBINAR" }, mode: "WARN" });
    await expectAppError(
      updateGateCriterion(world.ctx.admin, criterion.id, { stage: "P4", kind: "ACTIVITY", label, config: { activityType: "PHONE_CALL" }, mode: "WARN" }),
      "VALIDATION",
    );
    await updateListItem(world.ctx.admin, webinar.id, { active: true });
  });

  it("names the org's own type in the gate message and counts activities of it", async () => {
    const deal = await world.deal("P3");
    const before = await getOpportunityGates(world.ctx.rep, deal.id, "P4");
    const webinarGate = before.criteria.find((criterion) => (criterion.config as { activityType?: string }).activityType === "WEBINAR");
    expect(webinarGate).toMatchObject({ met: false, message: "Log a Webinar activity on this deal." });
    expect((await log(deal.id, "WEBINAR")).status).toBe(201);
    const after = await getOpportunityGates(world.ctx.rep, deal.id, "P4");
    expect(after.criteria.find((criterion) => criterion.criterionId === webinarGate?.criterionId)?.met).toBe(true);
  });
});
