-- CreateIndex
CREATE INDEX "Request_assignedBankId_answeredAt_dueAt_serial_idx" ON "Request"("assignedBankId", "answeredAt", "dueAt", "serial");

-- CreateIndex
CREATE INDEX "Request_assignedBankId_status_answeredAt_serial_idx" ON "Request"("assignedBankId", "status", "answeredAt" DESC, "serial");

-- The planner's estimate of a bank's items in a state multiplies two independent
-- guesses, which for a large bank is several times too low, and it then prefers a sort
-- over the ordered indexes above. Statistics on the pair give it the real proportions.
CREATE STATISTICS "Request_assignedBankId_status_stats" (mcv, dependencies) ON "assignedBankId", "status" FROM "Request";
