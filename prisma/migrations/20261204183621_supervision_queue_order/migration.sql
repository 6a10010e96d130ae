-- DropIndex
DROP INDEX "Request_status_dueAt_idx";

-- CreateIndex
CREATE INDEX "Request_status_dueAt_escalatedAt_serial_idx" ON "Request"("status", "dueAt", "escalatedAt", "serial");
