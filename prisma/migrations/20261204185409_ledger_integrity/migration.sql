-- CreateEnum
CREATE TYPE "LedgerIssueKind" AS ENUM ('CHAIN', 'ANCHOR');

-- CreateTable
CREATE TABLE "LedgerAnchor" (
    "day" DATE NOT NULL,
    "requests" INTEGER NOT NULL,
    "entries" INTEGER NOT NULL,
    "headsDigest" TEXT NOT NULL,
    "prevDigest" TEXT,
    "digest" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerAnchor_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "LedgerIntegrityIssue" (
    "id" BIGSERIAL NOT NULL,
    "kind" "LedgerIssueKind" NOT NULL,
    "requestId" UUID,
    "brokenAtSeq" INTEGER,
    "anchorDay" DATE,
    "detectedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerIntegrityIssue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerCheckState" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "checkedUpToId" BIGINT NOT NULL DEFAULT 0,
    "sweepAfterRequestId" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LedgerCheckState_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LedgerAnchor_digest_key" ON "LedgerAnchor"("digest");

-- CreateIndex
CREATE INDEX "LedgerIntegrityIssue_detectedAt_idx" ON "LedgerIntegrityIssue"("detectedAt");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerIntegrityIssue_kind_requestId_key" ON "LedgerIntegrityIssue"("kind", "requestId");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerIntegrityIssue_kind_anchorDay_key" ON "LedgerIntegrityIssue"("kind", "anchorDay");

-- Anchors and the breaks found are kept as they were made, like the ledger itself: the
-- ledger's trigger refuses UPDATE, DELETE and TRUNCATE for every role, the owner included
-- (the portal's role has no such privilege either).
CREATE TRIGGER "LedgerAnchor_append_only"
  BEFORE UPDATE OR DELETE ON "LedgerAnchor"
  FOR EACH ROW EXECUTE FUNCTION "rq_refuse_change_append_only"();

CREATE TRIGGER "LedgerAnchor_no_truncate"
  BEFORE TRUNCATE ON "LedgerAnchor"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_refuse_change_append_only"();

CREATE TRIGGER "LedgerIntegrityIssue_append_only"
  BEFORE UPDATE OR DELETE ON "LedgerIntegrityIssue"
  FOR EACH ROW EXECUTE FUNCTION "rq_refuse_change_append_only"();

CREATE TRIGGER "LedgerIntegrityIssue_no_truncate"
  BEFORE TRUNCATE ON "LedgerIntegrityIssue"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_refuse_change_append_only"();
