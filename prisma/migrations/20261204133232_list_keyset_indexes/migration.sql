-- CreateIndex
CREATE INDEX "Enterprise_parkId_name_id_idx" ON "Enterprise"("parkId", "name", "id");

-- CreateIndex
CREATE INDEX "Request_updatedAt_id_idx" ON "Request"("updatedAt", "id");

-- CreateIndex
CREATE INDEX "Request_type_updatedAt_id_idx" ON "Request"("type", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Request_parkId_updatedAt_id_idx" ON "Request"("parkId", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Request_parkId_status_submittedAt_id_idx" ON "Request"("parkId", "status", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "RequestRoute_bankOrgId_role_requestId_idx" ON "RequestRoute"("bankOrgId", "role", "requestId");
