-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "externalId" VARCHAR(120);

-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "externalId" VARCHAR(120);

-- AlterTable
ALTER TABLE "Opportunity" ADD COLUMN     "externalId" VARCHAR(120);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "orgId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "key" VARCHAR(255) NOT NULL,
    "requestHash" VARCHAR(64) NOT NULL,
    "status" VARCHAR(20) NOT NULL,
    "responseStatus" INTEGER,
    "responseType" TEXT,
    "responseBody" TEXT,
    "location" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("userId","key")
);

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "entity" VARCHAR(20) NOT NULL,
    "fileName" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "headers" JSONB NOT NULL DEFAULT '[]',
    "mapping" JSONB NOT NULL DEFAULT '{}',
    "status" VARCHAR(20) NOT NULL DEFAULT 'PENDING',
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "createdCount" INTEGER NOT NULL DEFAULT 0,
    "updatedCount" INTEGER NOT NULL DEFAULT 0,
    "rejectedCount" INTEGER NOT NULL DEFAULT 0,
    "leaseUntil" TIMESTAMPTZ(3),
    "error" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRejectedRow" (
    "jobId" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "values" JSONB NOT NULL,
    "errors" JSONB NOT NULL,

    CONSTRAINT "ImportRejectedRow_pkey" PRIMARY KEY ("jobId","rowNumber")
);

-- CreateIndex
CREATE INDEX "IdempotencyKey_orgId_createdAt_idx" ON "IdempotencyKey"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "ImportJob_orgId_createdAt_idx" ON "ImportJob"("orgId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Account_orgId_externalId_key" ON "Account"("orgId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Contact_orgId_externalId_key" ON "Contact"("orgId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Opportunity_orgId_externalId_key" ON "Opportunity"("orgId", "externalId");

-- AddForeignKey
ALTER TABLE "ImportRejectedRow" ADD CONSTRAINT "ImportRejectedRow_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "ImportJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;
