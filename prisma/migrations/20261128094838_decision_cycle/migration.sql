-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "decisionStage" VARCHAR(30);

-- AlterTable
ALTER TABLE "Opportunity" ADD COLUMN     "decisionStage" VARCHAR(30);

-- CreateTable
CREATE TABLE "DecisionStageChange" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "opportunityId" UUID,
    "fromStage" VARCHAR(30),
    "toStage" VARCHAR(30) NOT NULL,
    "note" TEXT,
    "activityId" UUID,
    "byUserId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DecisionStageChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PurchaseStep" (
    "opportunityId" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "step" VARCHAR(40) NOT NULL,
    "done" BOOLEAN NOT NULL,
    "date" DATE,
    "updatedById" UUID NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PurchaseStep_pkey" PRIMARY KEY ("opportunityId","step")
);

-- CreateIndex
CREATE INDEX "DecisionStageChange_opportunityId_at_idx" ON "DecisionStageChange"("opportunityId", "at");

-- CreateIndex
CREATE INDEX "DecisionStageChange_accountId_at_idx" ON "DecisionStageChange"("accountId", "at");

-- AddForeignKey
ALTER TABLE "DecisionStageChange" ADD CONSTRAINT "DecisionStageChange_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionStageChange" ADD CONSTRAINT "DecisionStageChange_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionStageChange" ADD CONSTRAINT "DecisionStageChange_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionStageChange" ADD CONSTRAINT "DecisionStageChange_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchaseStep" ADD CONSTRAINT "PurchaseStep_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchaseStep" ADD CONSTRAINT "PurchaseStep_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
