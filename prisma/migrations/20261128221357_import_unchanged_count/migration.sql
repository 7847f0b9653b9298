-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "unchangedCount" INTEGER NOT NULL DEFAULT 0;
