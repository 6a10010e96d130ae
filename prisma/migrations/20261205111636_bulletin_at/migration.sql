-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "bulletinAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "Request_bulletinAt_idx" ON "Request"("bulletinAt");

-- Items already on a bulletin: the time of their BULLETIN ledger entry (each item is
-- flagged once; the earliest entry if a ledger ever held two).
UPDATE "Request" r
   SET "bulletinAt" = b."occurredAt"
  FROM (SELECT "requestId", min("occurredAt") AS "occurredAt"
          FROM "LedgerEntry" WHERE action = 'BULLETIN' GROUP BY "requestId") b
 WHERE b."requestId" = r.id AND r."inBulletin";
