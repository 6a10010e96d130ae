-- CreateIndex
CREATE INDEX "RequestRoute_bankOrgId_role_createdAt_id_idx" ON "RequestRoute"("bankOrgId", "role", "createdAt" DESC, "id" DESC);
