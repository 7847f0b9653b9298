-- DropIndex
DROP INDEX "Opportunity_orgId_ownerId_idx";

-- CreateIndex
CREATE INDEX "Opportunity_orgId_ownerId_stage_stageEnteredAt_id_idx" ON "Opportunity"("orgId", "ownerId", "stage", "stageEnteredAt", "id");

-- CreateIndex
CREATE INDEX "Opportunity_orgId_stage_stageEnteredAt_id_idx" ON "Opportunity"("orgId", "stage", "stageEnteredAt", "id");
