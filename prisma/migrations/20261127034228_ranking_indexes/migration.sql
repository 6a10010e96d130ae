-- CreateIndex
CREATE INDEX "Request_programId_forwardedAt_idx" ON "Request"("programId", "forwardedAt");
