-- AlterEnum
ALTER TYPE "CloseReason" ADD VALUE 'DOCUMENTS_NOT_SUPPLIED';

-- AlterEnum
ALTER TYPE "LedgerAction" ADD VALUE 'SUPPLEMENT';

-- DropIndex
DROP INDEX "Request_assignedBankId_status_answeredAt_serial_id_idx";

-- AlterTable
ALTER TABLE "ProgramRuleVersion" ADD COLUMN     "supplementDeadlineDays" INTEGER NOT NULL DEFAULT 10;

-- CreateIndex
CREATE INDEX "Request_assignedBankId_status_answeredAt_serial_id_answerKi_idx" ON "Request"("assignedBankId", "status", "answeredAt" DESC, "serial", "id", "answerKind");

-- CreateIndex
CREATE INDEX "Request_assignedBankId_answerKind_status_answeredAt_serial__idx" ON "Request"("assignedBankId", "answerKind", "status", "answeredAt", "serial", "id");
