-- The bulletin tab and its quarterly count filter on the flag and a time range: with the flag
-- leading the index, the count reads the index alone instead of every flagged item's row.
-- DropIndex
DROP INDEX "Request_bulletinAt_idx";

-- CreateIndex
CREATE INDEX "Request_inBulletin_bulletinAt_idx" ON "Request"("inBulletin", "bulletinAt");
