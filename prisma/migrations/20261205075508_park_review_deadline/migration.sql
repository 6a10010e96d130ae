-- AlterEnum
ALTER TYPE "LedgerAction" ADD VALUE 'PARK_REVIEW_ESCALATE';

-- AlterTable
ALTER TABLE "ProgramRuleVersion" ADD COLUMN     "parkReviewDeadlineDays" INTEGER NOT NULL DEFAULT 2;

-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "parkDeadlineStartAt" TIMESTAMPTZ(3),
ADD COLUMN     "parkDueAt" TIMESTAMPTZ(3),
ADD COLUMN     "parkDueProvisional" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "parkEscalatedAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "Request_status_parkDueAt_parkEscalatedAt_idx" ON "Request"("status", "parkDueAt", "parkEscalatedAt");

-- CreateIndex
CREATE INDEX "Request_parkId_status_parkDueAt_idx" ON "Request"("parkId", "status", "parkDueAt");
