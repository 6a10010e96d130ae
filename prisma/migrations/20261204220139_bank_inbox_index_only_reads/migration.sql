-- DropIndex
DROP INDEX "Request_assignedBankId_status_dueAt_idx";

-- DropIndex
DROP INDEX "Request_assignedBankId_status_answeredAt_serial_idx";

-- CreateIndex
CREATE INDEX "Request_assignedBankId_status_dueAt_serial_answeredAt_id_idx" ON "Request"("assignedBankId", "status", "dueAt", "serial", "answeredAt", "id");

-- CreateIndex
CREATE INDEX "Request_assignedBankId_status_answeredAt_serial_id_idx" ON "Request"("assignedBankId", "status", "answeredAt" DESC, "serial", "id");
