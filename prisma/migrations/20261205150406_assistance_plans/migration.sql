-- CreateEnum
CREATE TYPE "AssistancePlanStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'PARK_APPROVED', 'APPROVED', 'RETURNED');

-- CreateTable
CREATE TABLE "AssistancePlan" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "parkId" UUID NOT NULL,
    "bankOrgId" UUID NOT NULL,
    "latestNumber" INTEGER NOT NULL DEFAULT 1,
    "status" "AssistancePlanStatus" NOT NULL DEFAULT 'DRAFT',
    "approvedNumber" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AssistancePlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssistancePlanVersion" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "AssistancePlanStatus" NOT NULL DEFAULT 'DRAFT',
    "objectives" TEXT NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "borrowers" INTEGER NOT NULL,
    "firstLoans" INTEGER NOT NULL,
    "creditLoans" INTEGER NOT NULL,
    "products" JSONB NOT NULL DEFAULT '[]',
    "greenChannel" TEXT NOT NULL,
    "team" JSONB NOT NULL DEFAULT '[]',
    "returnReason" TEXT,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AssistancePlanVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssistancePlanStep" (
    "id" UUID NOT NULL,
    "seq" SERIAL NOT NULL,
    "planId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "step" TEXT NOT NULL,
    "fromStatus" "AssistancePlanStatus",
    "toStatus" "AssistancePlanStatus" NOT NULL,
    "reason" TEXT,
    "actorUserId" UUID NOT NULL,
    "actorOrgId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssistancePlanStep_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AssistancePlan_updatedAt_id_idx" ON "AssistancePlan"("updatedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "AssistancePlan_bankOrgId_updatedAt_id_idx" ON "AssistancePlan"("bankOrgId", "updatedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "AssistancePlan_parkId_updatedAt_id_idx" ON "AssistancePlan"("parkId", "updatedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "AssistancePlan_status_updatedAt_id_idx" ON "AssistancePlan"("status", "updatedAt" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "AssistancePlan_programId_year_parkId_key" ON "AssistancePlan"("programId", "year", "parkId");

-- CreateIndex
CREATE UNIQUE INDEX "AssistancePlanVersion_planId_number_key" ON "AssistancePlanVersion"("planId", "number");

-- CreateIndex
CREATE INDEX "AssistancePlanStep_planId_seq_idx" ON "AssistancePlanStep"("planId", "seq");

-- AddForeignKey
ALTER TABLE "AssistancePlan" ADD CONSTRAINT "AssistancePlan_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssistancePlan" ADD CONSTRAINT "AssistancePlan_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssistancePlan" ADD CONSTRAINT "AssistancePlan_bankOrgId_fkey" FOREIGN KEY ("bankOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssistancePlanVersion" ADD CONSTRAINT "AssistancePlanVersion_planId_fkey" FOREIGN KEY ("planId") REFERENCES "AssistancePlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssistancePlanStep" ADD CONSTRAINT "AssistancePlanStep_planId_fkey" FOREIGN KEY ("planId") REFERENCES "AssistancePlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The steps are the plan's history: never edited, never removed.
CREATE TRIGGER "AssistancePlanStep_append_only"
  BEFORE UPDATE OR DELETE ON "AssistancePlanStep"
  FOR EACH ROW EXECUTE FUNCTION "rq_refuse_change_append_only"();
CREATE TRIGGER "AssistancePlanStep_no_truncate"
  BEFORE TRUNCATE ON "AssistancePlanStep"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_refuse_change_append_only"();

-- An approved version is what the park and the finance office agreed to: a change is a
-- new version, never an edit of this one (its status and content stay as approved).
CREATE FUNCTION "rq_refuse_change_approved_plan_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD."status" = 'APPROVED' THEN
    RAISE EXCEPTION 'an approved assistance plan version cannot be changed or removed' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "AssistancePlanVersion_approved_frozen"
  BEFORE UPDATE OR DELETE ON "AssistancePlanVersion"
  FOR EACH ROW EXECUTE FUNCTION "rq_refuse_change_approved_plan_version"();
