// Pure planning of the demo data: turns the catalog, the demo users and "now" into plain rows for
// createMany. Randomness comes from a seeded PRNG, so every fresh install gets the same deals; dates are
// relative to now, so the pipeline always looks current. Probabilities come only from the stage module.
import { randomUUID } from "node:crypto";
import { DEFAULT_STAGE_TABLE, PIPELINE_STAGE_KEYS, type StageKey } from "../lib/domain/stages";
import {
  ACTIVITY_SUBJECTS, CONTACT_TITLES, GIVEN_NAMES, LOSS_REASONS, PRODUCT_LINES, SEGMENTS, STAGE_ACTIVITIES, SURNAMES,
  type ActivityTypeKey,
} from "./seed-catalog";

const DAY_MS = 86_400_000;

/** mulberry32: tiny, fast and good enough to scatter demo data reproducibly. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const weighted = <T>(entries: readonly (readonly [T, number])[]): T => {
    let roll = next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1][0];
  };
  return { next, int, pick, weighted, chance: (p: number) => next() < p };
}
export type Random = ReturnType<typeof createRandom>;

export type PlannedAccount = {
  id: string; orgId: string; name: string; short: string; industry: string; segment: string; region: string;
  isKeyAccount: boolean; ownerId: string; teamId: string | null; sellerIds: string[];
};
export type PlannedContact = { id: string; orgId: string; accountId: string; name: string; title: string; phone: string; email: string };
export type PlannedOpportunity = {
  id: string; orgId: string; name: string; accountId: string; ownerId: string; teamId: string | null; productLine: string;
  amount: string; currency: string; expectedCloseDate: Date; stage: StageKey; stageEnteredAt: Date;
  lossReason: string | null; version: number; createdAt: Date; updatedAt: Date;
};
export type PlannedStageChange = {
  orgId: string; opportunityId: string; fromStage: StageKey | null; toStage: StageKey; at: Date; byUserId: string;
  amount: string; probability: string; lossReason: string | null;
};
export type PlannedActivity = {
  id: string; orgId: string; accountId: string; opportunityId: string | null; userId: string; type: ActivityTypeKey;
  subject: string; notes: string | null; occurredAt: Date;
  /** The contacts present (written to ActivityContact). */
  contactIds: string[];
};

export type AccountInput = {
  orgId: string; name: string; short: string; industry: string; region: string;
  ownerId: string; teamId: string | null; sellerIds: string[];
};

export function planAccounts(random: Random, inputs: AccountInput[]): PlannedAccount[] {
  return inputs.map((input) => {
    const segment = random.weighted(SEGMENTS.map((name, index) => [name, [2, 4, 3][index]] as const));
    const isKeyAccount = segment === "Strategic" || random.chance(0.15);
    return { ...input, id: randomUUID(), segment, isKeyAccount };
  });
}

function emailDomain(short: string): string {
  return `${short.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}.example.cn`;
}

export function planContacts(random: Random, accounts: PlannedAccount[]): PlannedContact[] {
  return accounts.flatMap((account) => {
    const count = random.int(2, 5);
    const titles = new Set<string>();
    const contacts: PlannedContact[] = [];
    while (contacts.length < count) {
      const title = random.pick(CONTACT_TITLES);
      if (titles.has(title)) continue;
      titles.add(title);
      const surname = random.pick(SURNAMES);
      const given = random.pick(GIVEN_NAMES);
      const phone = `+86 13${random.int(0, 9)} ${random.int(1000, 9999)} ${random.int(1000, 9999)}`;
      contacts.push({
        id: randomUUID(), orgId: account.orgId, accountId: account.id, name: `${surname} ${given}`, title, phone,
        email: `${given.toLowerCase()}.${surname.toLowerCase()}@${emailDomain(account.short)}`,
      });
    }
    return contacts;
  });
}

/** Exact decimal string from whole yuan and cents: integers only, never float arithmetic. */
function planAmount(random: Random, min: number, max: number, isKeyAccount: boolean): string {
  const scale = isKeyAccount ? 3 : 2;
  const yuan = Math.round((random.int(min, max) * scale) / 2 / 1000) * 1000;
  const cents = random.chance(0.25) ? random.int(1, 99) : 0;
  const whole = random.chance(0.25) ? yuan + random.int(1, 999) : yuan;
  return `${whole}.${String(cents).padStart(2, "0")}`;
}

const STAGE_WEIGHTS: [StageKey, number][] = [
  ["P0", 12], ["P1", 12], ["P2", 11], ["P3", 11], ["P4", 10], ["P5", 9], ["P6", 8], ["P7", 15], ["LOST", 12],
];

function utcDate(ms: number): Date {
  const date = new Date(ms);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** Stage walk P0 → … → the final stage; returns the moment each step was entered. */
function planWalk(random: Random, stage: StageKey, now: number) {
  const reached = stage === "LOST" ? random.int(0, 5) : PIPELINE_STAGE_KEYS.indexOf(stage);
  const path: StageKey[] = [...PIPELINE_STAGE_KEYS.slice(0, reached + 1), ...(stage === "LOST" ? ["LOST" as const] : [])];
  let enteredLast: number;
  if (stage === "P7" || stage === "LOST") {
    enteredLast = now - random.int(2, 355) * DAY_MS;
  } else {
    const limit = DEFAULT_STAGE_TABLE[stage].maxDaysInStage ?? 30;
    // About one open deal in five has outstayed its stage, so the stall warnings have something to show.
    const daysInStage = random.chance(0.2) ? random.int(limit + 3, limit + 60) : random.int(0, limit);
    enteredLast = now - daysInStage * DAY_MS - random.int(0, 8 * 3600) * 1000;
  }
  const steps = path.length - 1;
  const createdAt = enteredLast - (steps === 0 ? 0 : random.int(8 * steps, 35 * steps + 20) * DAY_MS);
  const cuts = Array.from({ length: Math.max(0, steps - 1) }, () => createdAt + random.next() * (enteredLast - createdAt)).sort((a, b) => a - b);
  const times = steps === 0 ? [enteredLast] : [createdAt, ...cuts, enteredLast].map(Math.round);
  return { path, times };
}

function planCloseDate(random: Random, stage: StageKey, stageEnteredAt: number, now: number): Date {
  if (stage === "P7") return utcDate(stageEnteredAt);
  if (stage === "LOST") return utcDate(Math.min(now + 300 * DAY_MS, stageEnteredAt + random.int(-20, 60) * DAY_MS));
  const remaining = 6 - PIPELINE_STAGE_KEYS.indexOf(stage);
  const offsetDays = random.int(-25, 45) + remaining * random.int(15, 45);
  return utcDate(now + Math.min(360, offsetDays) * DAY_MS);
}

export type DealPlan = { opportunities: PlannedOpportunity[]; stageChanges: PlannedStageChange[]; activities: PlannedActivity[] };

export function planDeals(
  random: Random,
  input: { accounts: PlannedAccount[]; contacts: PlannedContact[]; count: number; currency: string; now: number },
): DealPlan {
  const plan: DealPlan = { opportunities: [], stageChanges: [], activities: [] };
  const contactsByAccount = new Map<string, PlannedContact[]>();
  for (const contact of input.contacts) contactsByAccount.set(contact.accountId, [...(contactsByAccount.get(contact.accountId) ?? []), contact]);
  const accountWeights = input.accounts.map((account) => [account, account.isKeyAccount ? 8 : 4] as const);
  const namesInUse = new Set<string>();

  for (let index = 0; index < input.count; index += 1) {
    const account = random.weighted(accountWeights);
    const ownerId = random.chance(0.8) ? account.ownerId : random.pick(account.sellerIds);
    const product = random.pick(PRODUCT_LINES);
    const project = random.pick(product.projects);
    let name = `${account.short} — ${project}`;
    for (let phase = 2; namesInUse.has(name); phase += 1) name = `${account.short} — ${project}, phase ${phase}`;
    namesInUse.add(name);

    const stage = random.weighted(STAGE_WEIGHTS);
    const { path, times } = planWalk(random, stage, input.now);
    const amount = planAmount(random, product.min, product.max, account.isKeyAccount);
    const lossReason = stage === "LOST" ? random.pick(LOSS_REASONS) : null;
    const id = randomUUID();
    const stageEnteredAt = times[times.length - 1];
    plan.opportunities.push({
      id, orgId: account.orgId, name, accountId: account.id, ownerId, teamId: account.teamId, productLine: product.name,
      amount, currency: input.currency, expectedCloseDate: planCloseDate(random, stage, stageEnteredAt, input.now), stage,
      stageEnteredAt: new Date(stageEnteredAt), lossReason, version: path.length, createdAt: new Date(times[0]),
      updatedAt: new Date(stageEnteredAt),
    });
    path.forEach((toStage, step) => {
      plan.stageChanges.push({
        orgId: account.orgId, opportunityId: id, fromStage: step === 0 ? null : path[step - 1], toStage, at: new Date(times[step]),
        byUserId: ownerId, amount, probability: DEFAULT_STAGE_TABLE[toStage].probability,
        lossReason: toStage === "LOST" ? lossReason : null,
      });
      if (toStage === "LOST") return;
      // Activities happen while the deal sits in a stage: between entering it and leaving it (or now).
      const from = times[step];
      const until = step + 1 < times.length ? times[step + 1] : stage === "P7" ? from + DAY_MS : input.now;
      const count = toStage === "P7" ? 1 : random.int(0, 2);
      for (let n = 0; n < count; n += 1) {
        const type = random.pick(STAGE_ACTIVITIES[toStage]);
        const contact = random.pick(contactsByAccount.get(account.id) ?? []);
        const subject = ACTIVITY_SUBJECTS[type]
          .replace("{contact}", contact?.name ?? "the customer")
          .replace("{title}", contact?.title ?? "customer")
          .replace("{account}", account.short);
        plan.activities.push({
          id: randomUUID(), orgId: account.orgId, accountId: account.id, opportunityId: id, userId: ownerId, type, subject, notes: null,
          contactIds: contact ? [contact.id] : [],
          occurredAt: new Date(Math.min(input.now, Math.round(from + random.next() * Math.max(0, until - from)))),
        });
      }
    });
  }
  return plan;
}

/** Account-level work outside any deal: an exchange meeting with key accounts, trade-show contacts for others. */
export function planAccountActivities(random: Random, accounts: PlannedAccount[], contacts: PlannedContact[], now: number): PlannedActivity[] {
  return accounts.flatMap((account) => {
    const type: ActivityTypeKey = account.isKeyAccount ? "CUSTOMER_MEETING" : "TRADE_SHOW";
    if (!account.isKeyAccount && !random.chance(0.4)) return [];
    const contact = random.pick(contacts.filter((candidate) => candidate.accountId === account.id));
    const subject = ACTIVITY_SUBJECTS[type].replace("{contact}", contact?.name ?? "the customer").replace("{account}", account.short);
    return [{
      id: randomUUID(), orgId: account.orgId, accountId: account.id, opportunityId: null, userId: account.ownerId, type, subject, notes: null,
      contactIds: contact ? [contact.id] : [],
      occurredAt: new Date(now - random.int(3, 200) * DAY_MS),
    }];
  });
}
