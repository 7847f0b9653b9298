-- CreateEnum
CREATE TYPE "ForecastCategory" AS ENUM ('PIPELINE', 'BEST_CASE', 'COMMIT', 'CLOSED', 'OMITTED');

-- CreateEnum
CREATE TYPE "ForecastSubject" AS ENUM ('USER', 'TEAM');

-- CreateEnum
CREATE TYPE "SnapshotKind" AS ENUM ('AUTO', 'MANUAL');

-- AlterTable
ALTER TABLE "Opportunity" ADD COLUMN     "forecastCategory" "ForecastCategory";

-- CreateTable
CREATE TABLE "OpportunityCube" (
    "orgId" UUID NOT NULL,
    "ownerId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "stage" "Stage" NOT NULL,
    "productLine" TEXT NOT NULL DEFAULT '',
    "segment" TEXT NOT NULL DEFAULT '',
    "region" TEXT NOT NULL DEFAULT '',
    "closeMonth" DATE NOT NULL,
    "category" VARCHAR(20) NOT NULL DEFAULT '',
    "count" BIGINT NOT NULL DEFAULT 0,
    "amount" DECIMAL(20,2) NOT NULL DEFAULT 0,

    CONSTRAINT "OpportunityCube_pkey" PRIMARY KEY ("orgId","teamId","ownerId","stage","closeMonth","productLine","segment","region","category")
);

-- CreateTable
CREATE TABLE "OpportunityRollup" (
    "orgId" UUID NOT NULL,
    "ownerId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "stage" "Stage" NOT NULL,
    "closeMonth" DATE NOT NULL,
    "category" VARCHAR(20) NOT NULL DEFAULT '',
    "count" BIGINT NOT NULL DEFAULT 0,
    "amount" DECIMAL(20,2) NOT NULL DEFAULT 0,

    CONSTRAINT "OpportunityRollup_pkey" PRIMARY KEY ("orgId","teamId","ownerId","stage","closeMonth","category")
);

-- CreateTable
CREATE TABLE "OpportunityFieldChange" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "opportunityId" UUID NOT NULL,
    "field" VARCHAR(40) NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "byUserId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OpportunityFieldChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Quota" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "subjectType" "ForecastSubject" NOT NULL,
    "subjectId" UUID NOT NULL,
    "period" VARCHAR(10) NOT NULL,
    "amount" DECIMAL(16,2) NOT NULL,
    "setById" UUID NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Quota_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ForecastSnapshot" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "subjectType" "ForecastSubject" NOT NULL,
    "subjectId" UUID NOT NULL,
    "period" VARCHAR(10) NOT NULL,
    "kind" "SnapshotKind" NOT NULL,
    "takenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "byUserId" UUID,
    "count" INTEGER NOT NULL,
    "amount" DECIMAL(20,2) NOT NULL,
    "weightedAmount" DECIMAL(20,2) NOT NULL,
    "categories" JSONB NOT NULL,

    CONSTRAINT "ForecastSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "name" VARCHAR(80) NOT NULL,
    "runKey" VARCHAR(80) NOT NULL,
    "status" VARCHAR(20) NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "error" TEXT,

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("name","runKey")
);

-- CreateTable
CREATE TABLE "WarningState" (
    "orgId" UUID NOT NULL,
    "opportunityId" UUID NOT NULL,
    "rule" VARCHAR(40) NOT NULL,
    "userId" UUID NOT NULL,
    "acknowledgedAt" TIMESTAMPTZ(3),
    "snoozedUntil" TIMESTAMPTZ(3),

    CONSTRAINT "WarningState_pkey" PRIMARY KEY ("opportunityId","rule","userId")
);

-- CreateIndex
CREATE INDEX "OpportunityRollup_orgId_ownerId_idx" ON "OpportunityRollup"("orgId", "ownerId");

-- CreateIndex
CREATE INDEX "OpportunityFieldChange_opportunityId_field_at_idx" ON "OpportunityFieldChange"("opportunityId", "field", "at");

-- CreateIndex
CREATE INDEX "OpportunityFieldChange_orgId_field_at_idx" ON "OpportunityFieldChange"("orgId", "field", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Quota_orgId_subjectType_subjectId_period_key" ON "Quota"("orgId", "subjectType", "subjectId", "period");

-- CreateIndex
CREATE INDEX "ForecastSnapshot_orgId_period_subjectType_subjectId_takenAt_idx" ON "ForecastSnapshot"("orgId", "period", "subjectType", "subjectId", "takenAt");

-- CreateIndex
CREATE INDEX "WarningState_orgId_userId_idx" ON "WarningState"("orgId", "userId");

-- AddForeignKey
ALTER TABLE "OpportunityFieldChange" ADD CONSTRAINT "OpportunityFieldChange_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Function bodies are E-strings with \x3b for the semicolon: the migration runner splits on that character.
-- Summary cubes: maintained by statement-level triggers with transition tables, so a bulk write costs one
-- aggregate and every write path (form, API, board, bulk edit, import, recycle bin, raw SQL) is covered in
-- its own transaction. Rows are merged in key order to keep concurrent writers from deadlocking. Rows whose
-- count falls to zero stay (harmless to the sums) until forecast_cubes_rebuild compacts an org.
CREATE FUNCTION opportunity_cube_on_insert() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  WITH d AS (SELECT o."orgId", o."ownerId", COALESCE(o."teamId", ''00000000-0000-0000-0000-000000000000''::uuid) AS "teamId", o.stage,
           COALESCE(o."productLine", '''') AS "productLine", COALESCE(a.segment, '''') AS segment, COALESCE(a.region, '''') AS region,
           date_trunc(''month'', o."expectedCloseDate")::date AS "closeMonth", COALESCE(o."forecastCategory"::text, '''') AS category,
           1::bigint AS n, 1 * o.amount AS amount
      FROM new_rows o JOIN "Account" a ON a.id = o."accountId"
     WHERE o."deletedAt" IS NULL
  ), cube AS (
    INSERT INTO "OpportunityCube" AS c ("orgId", "ownerId", "teamId", stage, "productLine", segment, region, "closeMonth", category, count, amount)
    SELECT "orgId", "ownerId", "teamId", stage, "productLine", segment, region, "closeMonth", category, SUM(n), SUM(amount)
      FROM d GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 HAVING SUM(n) <> 0 OR SUM(amount) <> 0
     ORDER BY 1, 3, 2, 4, 8, 5, 6, 7, 9
    ON CONFLICT ("orgId", "teamId", "ownerId", stage, "closeMonth", "productLine", segment, region, category)
    DO UPDATE SET count = c.count + EXCLUDED.count, amount = c.amount + EXCLUDED.amount
  )
  INSERT INTO "OpportunityRollup" AS r ("orgId", "ownerId", "teamId", stage, "closeMonth", category, count, amount)
  SELECT "orgId", "ownerId", "teamId", stage, "closeMonth", category, SUM(n), SUM(amount)
    FROM d GROUP BY 1, 2, 3, 4, 5, 6 HAVING SUM(n) <> 0 OR SUM(amount) <> 0
   ORDER BY 1, 3, 2, 4, 5, 6
  ON CONFLICT ("orgId", "teamId", "ownerId", stage, "closeMonth", category)
  DO UPDATE SET count = r.count + EXCLUDED.count, amount = r.amount + EXCLUDED.amount\x3b
  RETURN NULL\x3b
END ';

CREATE FUNCTION opportunity_cube_on_update() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  WITH d AS (SELECT o."orgId", o."ownerId", COALESCE(o."teamId", ''00000000-0000-0000-0000-000000000000''::uuid) AS "teamId", o.stage,
           COALESCE(o."productLine", '''') AS "productLine", COALESCE(a.segment, '''') AS segment, COALESCE(a.region, '''') AS region,
           date_trunc(''month'', o."expectedCloseDate")::date AS "closeMonth", COALESCE(o."forecastCategory"::text, '''') AS category,
           -1::bigint AS n, -1 * o.amount AS amount
      FROM old_rows o JOIN "Account" a ON a.id = o."accountId"
     WHERE o."deletedAt" IS NULL
    UNION ALL
    SELECT o."orgId", o."ownerId", COALESCE(o."teamId", ''00000000-0000-0000-0000-000000000000''::uuid) AS "teamId", o.stage,
           COALESCE(o."productLine", '''') AS "productLine", COALESCE(a.segment, '''') AS segment, COALESCE(a.region, '''') AS region,
           date_trunc(''month'', o."expectedCloseDate")::date AS "closeMonth", COALESCE(o."forecastCategory"::text, '''') AS category,
           1::bigint AS n, 1 * o.amount AS amount
      FROM new_rows o JOIN "Account" a ON a.id = o."accountId"
     WHERE o."deletedAt" IS NULL
  ), cube AS (
    INSERT INTO "OpportunityCube" AS c ("orgId", "ownerId", "teamId", stage, "productLine", segment, region, "closeMonth", category, count, amount)
    SELECT "orgId", "ownerId", "teamId", stage, "productLine", segment, region, "closeMonth", category, SUM(n), SUM(amount)
      FROM d GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 HAVING SUM(n) <> 0 OR SUM(amount) <> 0
     ORDER BY 1, 3, 2, 4, 8, 5, 6, 7, 9
    ON CONFLICT ("orgId", "teamId", "ownerId", stage, "closeMonth", "productLine", segment, region, category)
    DO UPDATE SET count = c.count + EXCLUDED.count, amount = c.amount + EXCLUDED.amount
  )
  INSERT INTO "OpportunityRollup" AS r ("orgId", "ownerId", "teamId", stage, "closeMonth", category, count, amount)
  SELECT "orgId", "ownerId", "teamId", stage, "closeMonth", category, SUM(n), SUM(amount)
    FROM d GROUP BY 1, 2, 3, 4, 5, 6 HAVING SUM(n) <> 0 OR SUM(amount) <> 0
   ORDER BY 1, 3, 2, 4, 5, 6
  ON CONFLICT ("orgId", "teamId", "ownerId", stage, "closeMonth", category)
  DO UPDATE SET count = r.count + EXCLUDED.count, amount = r.amount + EXCLUDED.amount\x3b
  RETURN NULL\x3b
END ';

CREATE FUNCTION opportunity_cube_on_delete() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  WITH d AS (SELECT o."orgId", o."ownerId", COALESCE(o."teamId", ''00000000-0000-0000-0000-000000000000''::uuid) AS "teamId", o.stage,
           COALESCE(o."productLine", '''') AS "productLine", COALESCE(a.segment, '''') AS segment, COALESCE(a.region, '''') AS region,
           date_trunc(''month'', o."expectedCloseDate")::date AS "closeMonth", COALESCE(o."forecastCategory"::text, '''') AS category,
           -1::bigint AS n, -1 * o.amount AS amount
      FROM old_rows o JOIN "Account" a ON a.id = o."accountId"
     WHERE o."deletedAt" IS NULL
  ), cube AS (
    INSERT INTO "OpportunityCube" AS c ("orgId", "ownerId", "teamId", stage, "productLine", segment, region, "closeMonth", category, count, amount)
    SELECT "orgId", "ownerId", "teamId", stage, "productLine", segment, region, "closeMonth", category, SUM(n), SUM(amount)
      FROM d GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 HAVING SUM(n) <> 0 OR SUM(amount) <> 0
     ORDER BY 1, 3, 2, 4, 8, 5, 6, 7, 9
    ON CONFLICT ("orgId", "teamId", "ownerId", stage, "closeMonth", "productLine", segment, region, category)
    DO UPDATE SET count = c.count + EXCLUDED.count, amount = c.amount + EXCLUDED.amount
  )
  INSERT INTO "OpportunityRollup" AS r ("orgId", "ownerId", "teamId", stage, "closeMonth", category, count, amount)
  SELECT "orgId", "ownerId", "teamId", stage, "closeMonth", category, SUM(n), SUM(amount)
    FROM d GROUP BY 1, 2, 3, 4, 5, 6 HAVING SUM(n) <> 0 OR SUM(amount) <> 0
   ORDER BY 1, 3, 2, 4, 5, 6
  ON CONFLICT ("orgId", "teamId", "ownerId", stage, "closeMonth", category)
  DO UPDATE SET count = r.count + EXCLUDED.count, amount = r.amount + EXCLUDED.amount\x3b
  RETURN NULL\x3b
END ';

-- A change of an account's segment or region moves its live deals between cells.
CREATE FUNCTION opportunity_cube_on_account_update() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  WITH d AS (SELECT o."orgId", o."ownerId", COALESCE(o."teamId", ''00000000-0000-0000-0000-000000000000''::uuid) AS "teamId", o.stage,
           COALESCE(o."productLine", '''') AS "productLine", COALESCE(a.segment, '''') AS segment, COALESCE(a.region, '''') AS region,
           date_trunc(''month'', o."expectedCloseDate")::date AS "closeMonth", COALESCE(o."forecastCategory"::text, '''') AS category,
           -1::bigint AS n, -1 * o.amount AS amount
      FROM "Opportunity" o JOIN (SELECT oa.* FROM old_accounts oa JOIN new_accounts na ON na.id = oa.id WHERE oa.segment IS DISTINCT FROM na.segment OR oa.region IS DISTINCT FROM na.region) a ON a.id = o."accountId"
     WHERE o."deletedAt" IS NULL
    UNION ALL
    SELECT o."orgId", o."ownerId", COALESCE(o."teamId", ''00000000-0000-0000-0000-000000000000''::uuid) AS "teamId", o.stage,
           COALESCE(o."productLine", '''') AS "productLine", COALESCE(a.segment, '''') AS segment, COALESCE(a.region, '''') AS region,
           date_trunc(''month'', o."expectedCloseDate")::date AS "closeMonth", COALESCE(o."forecastCategory"::text, '''') AS category,
           1::bigint AS n, 1 * o.amount AS amount
      FROM "Opportunity" o JOIN (SELECT na.* FROM old_accounts oa JOIN new_accounts na ON na.id = oa.id WHERE oa.segment IS DISTINCT FROM na.segment OR oa.region IS DISTINCT FROM na.region) a ON a.id = o."accountId"
     WHERE o."deletedAt" IS NULL
  ), cube AS (
    INSERT INTO "OpportunityCube" AS c ("orgId", "ownerId", "teamId", stage, "productLine", segment, region, "closeMonth", category, count, amount)
    SELECT "orgId", "ownerId", "teamId", stage, "productLine", segment, region, "closeMonth", category, SUM(n), SUM(amount)
      FROM d GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 HAVING SUM(n) <> 0 OR SUM(amount) <> 0
     ORDER BY 1, 3, 2, 4, 8, 5, 6, 7, 9
    ON CONFLICT ("orgId", "teamId", "ownerId", stage, "closeMonth", "productLine", segment, region, category)
    DO UPDATE SET count = c.count + EXCLUDED.count, amount = c.amount + EXCLUDED.amount
  )
  INSERT INTO "OpportunityRollup" AS r ("orgId", "ownerId", "teamId", stage, "closeMonth", category, count, amount)
  SELECT "orgId", "ownerId", "teamId", stage, "closeMonth", category, SUM(n), SUM(amount)
    FROM d GROUP BY 1, 2, 3, 4, 5, 6 HAVING SUM(n) <> 0 OR SUM(amount) <> 0
   ORDER BY 1, 3, 2, 4, 5, 6
  ON CONFLICT ("orgId", "teamId", "ownerId", stage, "closeMonth", category)
  DO UPDATE SET count = r.count + EXCLUDED.count, amount = r.amount + EXCLUDED.amount\x3b
  RETURN NULL\x3b
END ';

CREATE TRIGGER opportunity_cube_insert AFTER INSERT ON "Opportunity"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION opportunity_cube_on_insert();
CREATE TRIGGER opportunity_cube_update AFTER UPDATE ON "Opportunity"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION opportunity_cube_on_update();
CREATE TRIGGER opportunity_cube_delete AFTER DELETE ON "Opportunity"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION opportunity_cube_on_delete();
CREATE TRIGGER opportunity_cube_account_update AFTER UPDATE ON "Account"
  REFERENCING OLD TABLE AS old_accounts NEW TABLE AS new_accounts FOR EACH STATEMENT EXECUTE FUNCTION opportunity_cube_on_account_update();

-- Recompute one org's cubes from the base table (after a bulk load with triggers disabled, or to compact).
CREATE FUNCTION forecast_cubes_rebuild(target uuid) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  DELETE FROM "OpportunityCube" WHERE "orgId" = target\x3b
  DELETE FROM "OpportunityRollup" WHERE "orgId" = target\x3b
  WITH d AS (SELECT o."orgId", o."ownerId", COALESCE(o."teamId", ''00000000-0000-0000-0000-000000000000''::uuid) AS "teamId", o.stage,
           COALESCE(o."productLine", '''') AS "productLine", COALESCE(a.segment, '''') AS segment, COALESCE(a.region, '''') AS region,
           date_trunc(''month'', o."expectedCloseDate")::date AS "closeMonth", COALESCE(o."forecastCategory"::text, '''') AS category,
           1::bigint AS n, 1 * o.amount AS amount
      FROM "Opportunity" o JOIN "Account" a ON a.id = o."accountId"
     WHERE o."deletedAt" IS NULL
       AND o."orgId" = target
  ), cube AS (
    INSERT INTO "OpportunityCube" AS c ("orgId", "ownerId", "teamId", stage, "productLine", segment, region, "closeMonth", category, count, amount)
    SELECT "orgId", "ownerId", "teamId", stage, "productLine", segment, region, "closeMonth", category, SUM(n), SUM(amount)
      FROM d GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 HAVING SUM(n) <> 0 OR SUM(amount) <> 0
     ORDER BY 1, 3, 2, 4, 8, 5, 6, 7, 9
    ON CONFLICT ("orgId", "teamId", "ownerId", stage, "closeMonth", "productLine", segment, region, category)
    DO UPDATE SET count = c.count + EXCLUDED.count, amount = c.amount + EXCLUDED.amount
  )
  INSERT INTO "OpportunityRollup" AS r ("orgId", "ownerId", "teamId", stage, "closeMonth", category, count, amount)
  SELECT "orgId", "ownerId", "teamId", stage, "closeMonth", category, SUM(n), SUM(amount)
    FROM d GROUP BY 1, 2, 3, 4, 5, 6 HAVING SUM(n) <> 0 OR SUM(amount) <> 0
   ORDER BY 1, 3, 2, 4, 5, 6
  ON CONFLICT ("orgId", "teamId", "ownerId", stage, "closeMonth", category)
  DO UPDATE SET count = r.count + EXCLUDED.count, amount = r.amount + EXCLUDED.amount\x3b
END ';

-- Snapshots are frozen: nothing may rewrite one after it was taken.
CREATE FUNCTION forecast_snapshot_frozen() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  RAISE EXCEPTION ''forecast snapshots are immutable'' USING ERRCODE = ''check_violation''\x3b
END ';
CREATE TRIGGER forecast_snapshot_no_update BEFORE UPDATE ON "ForecastSnapshot"
  FOR EACH ROW EXECUTE FUNCTION forecast_snapshot_frozen();
