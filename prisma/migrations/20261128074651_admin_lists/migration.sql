-- CreateEnum
CREATE TYPE "OrgList" AS ENUM ('PRODUCT_LINE', 'SEGMENT', 'REGION', 'INDUSTRY', 'LOSS_REASON', 'ACTIVITY_TYPE');

-- CreateTable
CREATE TABLE "OrgListItem" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "list" "OrgList" NOT NULL,
    "key" VARCHAR(60) NOT NULL,
    "labelEn" VARCHAR(120) NOT NULL,
    "labelZh" VARCHAR(120) NOT NULL,
    "order" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OrgListItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OrgListItem_orgId_list_order_idx" ON "OrgListItem"("orgId", "list", "order");

-- CreateIndex
CREATE UNIQUE INDEX "OrgListItem_orgId_list_key_key" ON "OrgListItem"("orgId", "list", "key");

-- AddForeignKey
ALTER TABLE "OrgListItem" ADD CONSTRAINT "OrgListItem_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
