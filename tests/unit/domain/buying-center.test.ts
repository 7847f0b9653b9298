import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type BuyingCenterContact, computeRedFlags, CONTACT_LEVELS, CONTACT_ROLES, CONTACT_STANCES, COVERAGE_MIN_DEGREE, findCoverageGaps,
  type HeldRelationship, isCovered,
} from "@/lib/domain/buying-center";
import { type DealFacts, evaluateCriterion, type GateCriterion, parseCriterionConfig } from "@/lib/domain/gates";
import { buildOrgTree, listDescendants, wouldCreateCycle } from "@/lib/domain/org-chart";
import { buildDegreeSeries } from "@/lib/domain/relationship-history";

const contact = (id: string, overrides: Partial<BuyingCenterContact> = {}): BuyingCenterContact => ({
  contactId: id, name: id.toUpperCase(), level: null, roles: [], stance: null, ...overrides,
});
const kinds = (flags: { kind: string }[]) => flags.map((flag) => flag.kind);

describe("computeRedFlags", () => {
  const healthy = {
    contacts: [
      contact("dm", { roles: ["DECISION_MAKER"], level: "SENIOR", stance: "SUPPORTER" }),
      contact("coach", { roles: ["COACH"], stance: "SUPPORTER" }),
    ],
    relationships: [{ userId: "u1", contactId: "dm", degree: 3 }, { userId: "u2", contactId: "coach", degree: 4 }],
  };

  it("raises no flag on a covered, multi-threaded buying center with a decision maker and a coach", () => {
    expect(computeRedFlags(healthy, "P5")).toEqual([]);
  });

  it("flags a buying center without a decision maker or a coach", () => {
    expect(kinds(computeRedFlags({ contacts: [contact("a")], relationships: [] }, "P1"))).toEqual(["NO_DECISION_MAKER", "NO_COACH", "SINGLE_THREADED"]);
  });

  it("demands an engaged senior contact from P4 on, not before", () => {
    const noSenior = { ...healthy, relationships: [{ userId: "u1", contactId: "dm", degree: 1 }, { userId: "u2", contactId: "coach", degree: 4 }, { userId: "u3", contactId: "coach", degree: 2 }] };
    expect(kinds(computeRedFlags(noSenior, "P3"))).not.toContain("NO_SENIOR_ENGAGED");
    expect(kinds(computeRedFlags(noSenior, "P4"))).toContain("NO_SENIOR_ENGAGED");
    expect(kinds(computeRedFlags(noSenior, "P6"))).toContain("NO_SENIOR_ENGAGED");
  });

  it("flags an opponent in a decision role but not an opposed user", () => {
    const withOpponent = { ...healthy, contacts: [...healthy.contacts, contact("tg", { roles: ["TECH_GATEKEEPER"], stance: "OPPONENT" })] };
    const flag = computeRedFlags(withOpponent, "P2").find((item) => item.kind === "OPPONENT_IN_DECISION_ROLE");
    expect(flag?.contactIds).toEqual(["tg"]);
    const opposedUser = { ...healthy, contacts: [...healthy.contacts, contact("u", { roles: ["USER"], stance: "OPPONENT" })] };
    expect(kinds(computeRedFlags(opposedUser, "P2"))).not.toContain("OPPONENT_IN_DECISION_ROLE");
  });

  it("calls a deal single-threaded when one person holds every working relationship", () => {
    const one = { ...healthy, relationships: [{ userId: "u1", contactId: "dm", degree: 3 }, { userId: "u1", contactId: "coach", degree: 5 }, { userId: "u2", contactId: "coach", degree: 1 }] };
    expect(kinds(computeRedFlags(one, "P2"))).toEqual(["SINGLE_THREADED"]);
  });

  it("has no open flags on a lost deal", () => {
    expect(computeRedFlags({ contacts: [], relationships: [] }, "LOST")).toEqual([]);
  });
});

const idArb = fc.constantFrom("c1", "c2", "c3", "c4", "c5", "c6");
const contactArb = fc.record({
  contactId: idArb,
  name: fc.string({ maxLength: 8 }),
  level: fc.option(fc.constantFrom(...CONTACT_LEVELS), { nil: null }),
  roles: fc.subarray([...CONTACT_ROLES]),
  stance: fc.option(fc.constantFrom(...CONTACT_STANCES), { nil: null }),
});
const netArb = fc.record({
  contacts: fc.uniqueArray(contactArb, { selector: (item) => item.contactId, maxLength: 6 }),
  ours: fc.subarray(["u1", "u2", "u3"]),
  relationships: fc.array(fc.record({ userId: fc.constantFrom("u1", "u2", "u3", "u4"), contactId: idArb, degree: fc.integer({ min: 0, max: 5 }) }), { maxLength: 12 }),
});

describe("findCoverageGaps on generated org charts", () => {
  it("never reports a contact covered by one of our people as a gap", () => {
    fc.assert(fc.property(netArb, ({ contacts, ours, relationships }) => {
      const gaps = findCoverageGaps(contacts, ours, relationships);
      const held = relationships.filter((relationship) => ours.includes(relationship.userId));
      for (const gap of gaps) if (gap.contactId) expect(isCovered(held, gap.contactId)).toBe(false);
    }));
  });

  it("reports every uncovered decision maker exactly once", () => {
    fc.assert(fc.property(netArb, ({ contacts, ours, relationships }) => {
      const gaps = findCoverageGaps(contacts, ours, relationships);
      const held = relationships.filter((relationship) => ours.includes(relationship.userId));
      for (const item of contacts.filter((c) => c.roles.includes("DECISION_MAKER") && !isCovered(held, c.contactId))) {
        expect(gaps.filter((gap) => gap.contactId === item.contactId && gap.kind === "UNCOVERED_DECISION_MAKER")).toHaveLength(1);
      }
    }));
  });

  it("ignores relationships held by people outside the net", () => {
    const gaps = findCoverageGaps([contact("dm", { roles: ["DECISION_MAKER"] })], ["u1"], [{ userId: "u9", contactId: "dm", degree: 5 }]);
    expect(gaps.map((gap) => gap.kind)).toEqual(["UNCOVERED_DECISION_MAKER"]);
    expect(findCoverageGaps([contact("dm", { roles: ["DECISION_MAKER"] })], ["u1"], [{ userId: "u1", contactId: "dm", degree: COVERAGE_MIN_DEGREE }])
      .map((gap) => gap.kind)).toEqual(["SINGLE_THREADED"]);
  });
});

describe("org chart", () => {
  const managerOf = new Map<string, string | null>([["ceo", null], ["cto", "ceo"], ["dev", "cto"], ["cfo", "ceo"]]);

  it("refuses a manager below the contact, and the contact itself", () => {
    expect(wouldCreateCycle(managerOf, "ceo", "dev")).toBe(true);
    expect(wouldCreateCycle(managerOf, "cto", "cto")).toBe(true);
    expect(wouldCreateCycle(managerOf, "dev", "cfo")).toBe(false);
    expect(wouldCreateCycle(managerOf, "cto", null)).toBe(false);
  });

  it("never lets a generated chain close a loop", () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 40 }), fc.nat(), fc.nat(), (length, a, b) => {
      const ids = Array.from({ length }, (_, index) => `n${index}`);
      const chain = new Map(ids.map((id, index) => [id, index ? ids[index - 1] : null]));
      const [upper, lower] = [Math.min(a % length, b % length), Math.max(a % length, b % length)];
      expect(wouldCreateCycle(chain, ids[upper], ids[lower])).toBe(true);
    }));
  });

  it("nests 300 contacts in a deep chain without losing anyone", () => {
    const contacts = Array.from({ length: 300 }, (_, index) => ({ id: `n${index}`, name: `N${index}`, reportsToId: index ? `n${index - 1}` : null }));
    const roots = buildOrgTree(contacts);
    expect(roots).toHaveLength(1);
    let depth = 0;
    for (let node = roots[0]; node.reports.length; node = node.reports[0]) depth += 1;
    expect(depth).toBe(299);
    expect(listDescendants(contacts, "n0").size).toBe(299);
  });

  it("treats a manager outside the list as no manager, and breaks a stored loop", () => {
    const roots = buildOrgTree([
      { id: "a", name: "A", reportsToId: "elsewhere" }, { id: "b", name: "B", reportsToId: "c" }, { id: "c", name: "C", reportsToId: "b" },
    ]);
    const count = (nodes: typeof roots): number => nodes.reduce((sum, node) => sum + 1 + count(node.reports), 0);
    expect(count(roots)).toBe(3);
    expect(roots.map((root) => root.id)).toContain("a");
  });
});

describe("relationship over time", () => {
  it("steps the strongest degree held across our people", () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
    const series = buildDegreeSeries([
      { contactId: "c", userId: "u1", degree: 2, at: at(1) },
      { contactId: "c", userId: "u2", degree: 4, at: at(2) },
      { contactId: "c", userId: "u1", degree: 3, at: at(3) },
      { contactId: "c", userId: "u2", degree: 1, at: at(4) },
    ], ["c"]);
    expect(series.get("c")!.map((point) => point.degree)).toEqual([2, 4, 3]);
  });
});

describe("gate kinds CONTACT_ROLE and NO_RED_FLAG", () => {
  const facts = (relationships: HeldRelationship[]): DealFacts => ({
    stage: "P3", stageEnteredAt: new Date(), fields: { productLine: "x", amount: "1", teamId: null, expectedCloseDate: null },
    tickedCriterionIds: new Set(), activities: [], stageEntries: [], approvals: [],
    buyingCenter: { contacts: [contact("dm", { roles: ["DECISION_MAKER"], level: "SENIOR" })], relationships },
  });
  const criterion = (kind: string, config: unknown, stage: GateCriterion["stage"] = "P4"): GateCriterion => ({
    id: `${kind}-1`, stage, kind, label: { en: kind, "zh-CN": kind }, config, mode: "BLOCK", order: 0,
  });

  it("validates their configs", () => {
    expect(parseCriterionConfig("CONTACT_ROLE", { role: "COACH", minDegree: 3 }).success).toBe(true);
    expect(parseCriterionConfig("CONTACT_ROLE", { role: "BOSS", minDegree: 3 }).success).toBe(false);
    expect(parseCriterionConfig("CONTACT_ROLE", { role: "COACH", minDegree: 6 }).success).toBe(false);
    expect(parseCriterionConfig("NO_RED_FLAG", { kind: "NO_COACH" }).success).toBe(true);
    expect(parseCriterionConfig("NO_RED_FLAG", { kind: "NOPE" }).success).toBe(false);
  });

  it("needs the role at the degree", () => {
    const gate = criterion("CONTACT_ROLE", { role: "DECISION_MAKER", minDegree: 3 });
    expect(evaluateCriterion(gate, facts([{ userId: "u", contactId: "dm", degree: 2 }]), { stage: "P4", moveTo: "P4" }).met).toBe(false);
    expect(evaluateCriterion(gate, facts([{ userId: "u", contactId: "dm", degree: 3 }]), { stage: "P4", moveTo: "P4" }).met).toBe(true);
    expect(evaluateCriterion(criterion("CONTACT_ROLE", { role: "COACH", minDegree: 0 }), facts([]), { stage: "P4", moveTo: "P4" }).met).toBe(false);
  });

  it("evaluates the red flag as of the stage being entered", () => {
    const gate = criterion("NO_RED_FLAG", { kind: "NO_SENIOR_ENGAGED" });
    expect(evaluateCriterion(gate, facts([]), { stage: "P4", moveTo: "P4" }).met).toBe(false);
    expect(evaluateCriterion({ ...gate, stage: "P3" }, facts([]), { stage: "P3", moveTo: "P3" }).met).toBe(true);
    expect(evaluateCriterion(gate, facts([{ userId: "u", contactId: "dm", degree: 2 }]), { stage: "P4", moveTo: "P4" }).met).toBe(true);
  });
});
