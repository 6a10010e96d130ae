-- CreateEnum
CREATE TYPE "EscalationReason" AS ENUM ('OVERDUE', 'UNSOLVABLE', 'PASSED', 'BANKS_CANNOT_SOLVE');

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('PENDING', 'RUNNING', 'DONE', 'FAILED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "LedgerAction" ADD VALUE 'DISPUTE';
ALTER TYPE "LedgerAction" ADD VALUE 'RULE';
ALTER TYPE "LedgerAction" ADD VALUE 'BULLETIN';
ALTER TYPE "LedgerAction" ADD VALUE 'CHECK_WITHDRAWAL';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "email" TEXT;

-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "answer" JSONB,
ADD COLUMN     "deadlineDays" INTEGER,
ADD COLUMN     "deadlineStartAt" TIMESTAMPTZ(3),
ADD COLUMN     "escalationReason" "EscalationReason",
ADD COLUMN     "reopenCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "returnDisputeNote" TEXT,
ADD COLUMN     "returnDisputedAt" TIMESTAMPTZ(3),
ADD COLUMN     "returnReason" TEXT,
ADD COLUMN     "withdrawalCheckedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "dedupeKey" TEXT,
ADD COLUMN     "params" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "requestId" UUID;

-- CreateTable
CREATE TABLE "Job" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "dedupeKey" TEXT,
    "status" "JobStatus" NOT NULL DEFAULT 'PENDING',
    "runAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lockedAt" TIMESTAMPTZ(3),
    "lockedBy" TEXT,
    "finishedAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Job_dedupeKey_key" ON "Job"("dedupeKey");

-- CreateIndex
CREATE INDEX "Job_status_runAt_idx" ON "Job"("status", "runAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");
