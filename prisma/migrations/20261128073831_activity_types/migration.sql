-- CreateEnum
CREATE TYPE "DealTeamRole" AS ENUM ('SALES', 'PRESALES', 'TECH_SUPPORT', 'DELIVERY', 'SERVICE');

-- DropIndex
DROP INDEX "Activity_orgId_accountId_idx";

-- AlterTable
-- Edited by hand: the generated DROP/ADD of "type" would fail on existing rows (and lose them). The column
-- becomes a string keyed by lib/domain/activities.ts, and every stored value is mapped to issue 3's keys.
-- Two old types have no counterpart: ACCOUNT_PLANNING (the seed's yearly account-plan review) becomes
-- SURVEY, the research work of P0, and NOTE (never written by any code path) becomes CUSTOMER_MEETING.
ALTER TABLE "Activity" ADD COLUMN     "nextStep" TEXT,
ALTER COLUMN "type" SET DATA TYPE VARCHAR(40) USING (
  CASE "type"::text
    WHEN 'PHONE_INVITATION' THEN 'PHONE_CALL'
    WHEN 'FIRST_SURVEY' THEN 'SURVEY'
    WHEN 'FIRST_PROPOSAL' THEN 'PROPOSAL'
    WHEN 'REFERENCE_SITE' THEN 'REFERENCE_VISIT'
    WHEN 'EXCHANGE_MEETING' THEN 'CUSTOMER_MEETING'
    WHEN 'ACCOUNT_PLANNING' THEN 'SURVEY'
    WHEN 'NOTE' THEN 'CUSTOMER_MEETING'
    ELSE "type"::text
  END
);

-- DropEnum
DROP TYPE "ActivityType";

-- CreateTable
CREATE TABLE "ActivityContact" (
    "activityId" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "orgId" UUID NOT NULL,

    CONSTRAINT "ActivityContact_pkey" PRIMARY KEY ("activityId","contactId")
);

-- CreateTable
CREATE TABLE "OpportunityTeamMember" (
    "opportunityId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "role" "DealTeamRole" NOT NULL,
    "sharePct" DECIMAL(5,2) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OpportunityTeamMember_pkey" PRIMARY KEY ("opportunityId","userId")
);

-- CreateIndex
CREATE INDEX "ActivityContact_contactId_idx" ON "ActivityContact"("contactId");

-- CreateIndex
CREATE INDEX "OpportunityTeamMember_orgId_userId_idx" ON "OpportunityTeamMember"("orgId", "userId");

-- CreateIndex
CREATE INDEX "Activity_orgId_accountId_occurredAt_idx" ON "Activity"("orgId", "accountId", "occurredAt");

-- AddForeignKey
ALTER TABLE "ActivityContact" ADD CONSTRAINT "ActivityContact_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityContact" ADD CONSTRAINT "ActivityContact_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpportunityTeamMember" ADD CONSTRAINT "OpportunityTeamMember_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpportunityTeamMember" ADD CONSTRAINT "OpportunityTeamMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
