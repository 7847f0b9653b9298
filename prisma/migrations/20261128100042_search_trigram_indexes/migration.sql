-- Text search (the board's and the table's `q`: deal name or account name contains the text, ILIKE)
-- through trigram GIN indexes instead of a scan of every deal of the org. Written by hand: the Prisma
-- schema cannot declare the extension or the operator class, and the schema-to-schema diff of
-- `db:migration:new` never drops an index it does not know about.
-- pg_trgm ships with PostgreSQL (contrib) and is a trusted extension, so a database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "Opportunity_name_trgm_idx" ON "Opportunity" USING GIN ("name" gin_trgm_ops);

CREATE INDEX "Account_name_trgm_idx" ON "Account" USING GIN ("name" gin_trgm_ops);
