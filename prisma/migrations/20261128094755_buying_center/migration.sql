-- CreateEnum
CREATE TYPE "ContactLevel" AS ENUM ('SENIOR', 'MIDDLE', 'WORKING');

-- CreateEnum
CREATE TYPE "ContactRole" AS ENUM ('DECISION_MAKER', 'TECH_GATEKEEPER', 'USER', 'COMMERCIAL', 'INFLUENCER', 'COACH');

-- CreateEnum
CREATE TYPE "ContactStance" AS ENUM ('SUPPORTER', 'NEUTRAL', 'OPPONENT');

-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "department" TEXT,
ADD COLUMN     "level" "ContactLevel",
ADD COLUMN     "reportsToId" UUID,
ADD COLUMN     "roles" "ContactRole"[] DEFAULT ARRAY[]::"ContactRole"[],
ADD COLUMN     "stance" "ContactStance";

-- CreateTable
CREATE TABLE "ContactRelationship" (
    "contactId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "degree" SMALLINT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ContactRelationship_pkey" PRIMARY KEY ("contactId","userId")
);

-- CreateTable
CREATE TABLE "RelationshipChange" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "degree" SMALLINT NOT NULL,
    "previousDegree" SMALLINT,
    "note" TEXT,
    "byUserId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RelationshipChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OpportunityContact" (
    "opportunityId" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "roles" "ContactRole"[] DEFAULT ARRAY[]::"ContactRole"[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OpportunityContact_pkey" PRIMARY KEY ("opportunityId","contactId")
);

-- CreateTable
CREATE TABLE "AccountProfileTemplate" (
    "orgId" UUID NOT NULL,
    "sections" JSONB NOT NULL,
    "updatedById" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AccountProfileTemplate_pkey" PRIMARY KEY ("orgId")
);

-- CreateTable
CREATE TABLE "AccountProfileVersion" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "savedById" UUID NOT NULL,
    "savedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountProfileVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContactRelationship_orgId_userId_idx" ON "ContactRelationship"("orgId", "userId");

-- CreateIndex
CREATE INDEX "RelationshipChange_contactId_at_idx" ON "RelationshipChange"("contactId", "at");

-- CreateIndex
CREATE INDEX "RelationshipChange_orgId_at_idx" ON "RelationshipChange"("orgId", "at");

-- CreateIndex
CREATE INDEX "OpportunityContact_contactId_idx" ON "OpportunityContact"("contactId");

-- CreateIndex
CREATE UNIQUE INDEX "AccountProfileVersion_accountId_version_key" ON "AccountProfileVersion"("accountId", "version");

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_reportsToId_fkey" FOREIGN KEY ("reportsToId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactRelationship" ADD CONSTRAINT "ContactRelationship_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactRelationship" ADD CONSTRAINT "ContactRelationship_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RelationshipChange" ADD CONSTRAINT "RelationshipChange_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RelationshipChange" ADD CONSTRAINT "RelationshipChange_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpportunityContact" ADD CONSTRAINT "OpportunityContact_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpportunityContact" ADD CONSTRAINT "OpportunityContact_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountProfileVersion" ADD CONSTRAINT "AccountProfileVersion_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Relationship degrees are 0 to 5 (METHOD.md section 4), also guarded here
ALTER TABLE "ContactRelationship" ADD CONSTRAINT "ContactRelationship_degree_check" CHECK ("degree" BETWEEN 0 AND 5);
ALTER TABLE "RelationshipChange" ADD CONSTRAINT "RelationshipChange_degree_check" CHECK ("degree" BETWEEN 0 AND 5);
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_reportsTo_not_self_check" CHECK ("reportsToId" IS NULL OR "reportsToId" <> "id");
