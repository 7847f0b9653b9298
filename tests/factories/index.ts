// Test-data builders over a PrismaClient (or a transaction). The demo seed (prisma/seed.ts) reuses them, so tests and demo
// data are built the same way. Each builder takes overrides and fills the rest with valid values.
import { randomUUID } from "node:crypto";
import type { Prisma } from "../../lib/generated/prisma/client";
import type { StageKey } from "../../lib/domain/stages";
import { DEFAULT_STAGE_TABLE } from "../../lib/domain/stages";

type Role = "REP" | "MANAGER" | "ADMIN";
/** A client or an interactive transaction: the seed builds everything inside one transaction. */
export type DbClient = Prisma.TransactionClient;
let sequence = 0;
const next = () => `${Date.now().toString(36)}${(++sequence).toString(36)}`;

export async function buildOrg(db: DbClient, overrides: { name?: string; baseCurrency?: string; id?: string } = {}) {
  return db.organization.create({ data: { name: overrides.name ?? `Org ${next()}`, baseCurrency: overrides.baseCurrency ?? "CNY", id: overrides.id } });
}

export async function buildUser(
  db: DbClient,
  orgId: string,
  overrides: { email?: string; name?: string; role?: Role; passwordHash?: string; locale?: string; isActive?: boolean } = {},
) {
  const suffix = next();
  return db.user.create({
    data: {
      orgId,
      email: overrides.email ?? `user-${suffix}@test.example`,
      name: overrides.name ?? `User ${suffix}`,
      role: overrides.role ?? "REP",
      // A valid bcrypt hash of "not-a-real-password"; tests that sign in pass their own hash.
      passwordHash: overrides.passwordHash ?? "$2b$04$Q3VZc2xnbXlqQ1lVd3dBW.7y0cM0x0xgqSx8yqzA2c0Gq1m7P3b1m",
      locale: overrides.locale ?? "en",
      isActive: overrides.isActive ?? true,
    },
  });
}

export async function buildTeam(
  db: DbClient,
  orgId: string,
  overrides: { name?: string; kind?: "PRODUCT" | "CUSTOMER_GROUP" | "REGION"; managerId?: string | null; memberIds?: string[] } = {},
) {
  const team = await db.team.create({
    data: { orgId, name: overrides.name ?? `Team ${next()}`, kind: overrides.kind ?? "REGION", managerId: overrides.managerId ?? null },
  });
  const memberIds = [...new Set([...(overrides.memberIds ?? []), ...(overrides.managerId ? [overrides.managerId] : [])])];
  if (memberIds.length) {
    await db.teamMember.createMany({ data: memberIds.map((userId) => ({ teamId: team.id, userId, orgId })) });
  }
  return team;
}

export async function buildAccount(
  db: DbClient,
  orgId: string,
  overrides: { name?: string; industry?: string; segment?: string; region?: string; isKeyAccount?: boolean; ownerId?: string | null } = {},
) {
  return db.account.create({
    data: {
      orgId,
      name: overrides.name ?? `Account ${next()}`,
      industry: overrides.industry ?? null,
      segment: overrides.segment ?? null,
      region: overrides.region ?? null,
      isKeyAccount: overrides.isKeyAccount ?? false,
      ownerId: overrides.ownerId ?? null,
    },
  });
}

export async function buildContact(db: DbClient, orgId: string, accountId: string, overrides: { name?: string; title?: string; email?: string; phone?: string } = {}) {
  return db.contact.create({
    data: { orgId, accountId, name: overrides.name ?? `Contact ${next()}`, title: overrides.title ?? null, email: overrides.email ?? null, phone: overrides.phone ?? null },
  });
}

/** An opportunity with its creation history row (fromStage null), as the data layer would write it. */
export async function buildOpportunity(
  db: DbClient,
  input: {
    orgId: string; accountId: string; ownerId: string; teamId?: string | null;
    name?: string; amount?: string; currency?: string; stage?: StageKey; expectedCloseDate?: string;
    productLine?: string | null; lossReason?: string | null; createdAt?: Date; stageEnteredAt?: Date;
  },
) {
  const stage = input.stage ?? "P0";
  const createdAt = input.createdAt ?? new Date();
  const opportunity = await db.opportunity.create({
    data: {
      id: randomUUID(),
      orgId: input.orgId,
      accountId: input.accountId,
      ownerId: input.ownerId,
      teamId: input.teamId ?? null,
      name: input.name ?? `Deal ${next()}`,
      amount: input.amount ?? "100000.00",
      currency: input.currency ?? "CNY",
      stage,
      expectedCloseDate: new Date(`${input.expectedCloseDate ?? "2027-06-30"}T00:00:00Z`),
      productLine: input.productLine ?? null,
      lossReason: stage === "LOST" ? input.lossReason ?? "Lost on price" : null,
      createdAt,
      stageEnteredAt: input.stageEnteredAt ?? createdAt,
    },
  });
  await db.stageChange.create({
    data: {
      orgId: input.orgId, opportunityId: opportunity.id, fromStage: null, toStage: stage, at: createdAt,
      byUserId: input.ownerId, amount: opportunity.amount, probability: DEFAULT_STAGE_TABLE[stage].probability,
    },
  });
  return opportunity;
}
