-- AlterEnum
ALTER TYPE "OrgList" ADD VALUE 'WIN_REASON';

-- CreateTable
CREATE TABLE "OpportunityAnalysis" (
    "opportunityId" UUID NOT NULL,
    "kind" VARCHAR(20) NOT NULL,
    "orgId" UUID NOT NULL,
    "data" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OpportunityAnalysis_pkey" PRIMARY KEY ("opportunityId","kind")
);

-- CreateTable
CREATE TABLE "CloseOutReview" (
    "opportunityId" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "outcome" VARCHAR(4) NOT NULL,
    "primaryReason" VARCHAR(60) NOT NULL,
    "secondaryReasons" TEXT[],
    "winnerCompetitor" TEXT,
    "lessons" TEXT NOT NULL,
    "toRepeat" TEXT,
    "authorId" UUID NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CloseOutReview_pkey" PRIMARY KEY ("opportunityId")
);

-- CreateTable
CREATE TABLE "ReviewDecision" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "opportunityId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "ownerId" UUID NOT NULL,
    "dueDate" DATE,
    "status" VARCHAR(10) NOT NULL DEFAULT 'OPEN',
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnalysisSettings" (
    "orgId" UUID NOT NULL,
    "weights" JSONB NOT NULL,
    "grading" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AnalysisSettings_pkey" PRIMARY KEY ("orgId")
);

-- CreateTable
CREATE TABLE "OpportunityHealth" (
    "opportunityId" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    "grade" VARCHAR(1) NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OpportunityHealth_pkey" PRIMARY KEY ("opportunityId")
);

-- CreateIndex
CREATE INDEX "OpportunityAnalysis_orgId_kind_idx" ON "OpportunityAnalysis"("orgId", "kind");

-- CreateIndex
CREATE INDEX "CloseOutReview_orgId_outcome_idx" ON "CloseOutReview"("orgId", "outcome");

-- CreateIndex
CREATE INDEX "ReviewDecision_opportunityId_createdAt_idx" ON "ReviewDecision"("opportunityId", "createdAt");

-- CreateIndex
CREATE INDEX "OpportunityHealth_orgId_grade_idx" ON "OpportunityHealth"("orgId", "grade");

-- AddForeignKey
ALTER TABLE "OpportunityAnalysis" ADD CONSTRAINT "OpportunityAnalysis_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CloseOutReview" ADD CONSTRAINT "CloseOutReview_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewDecision" ADD CONSTRAINT "ReviewDecision_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpportunityHealth" ADD CONSTRAINT "OpportunityHealth_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;
