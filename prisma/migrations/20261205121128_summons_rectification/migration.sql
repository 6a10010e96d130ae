-- CreateEnum
CREATE TYPE "SummonsSource" AS ENUM ('QUARTERLY_RANKING', 'HALF_YEAR_EVALUATION');

-- CreateEnum
CREATE TYPE "SummonsStatus" AS ENUM ('AWAITING_PLAN', 'PLAN_SUBMITTED', 'PLAN_RETURNED', 'IN_RECTIFICATION', 'COMPLETION_SUBMITTED', 'COMPLETION_RETURNED', 'COMPLETED');

-- CreateTable
CREATE TABLE "Summons" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "bankOrgId" UUID NOT NULL,
    "source" "SummonsSource" NOT NULL DEFAULT 'QUARTERLY_RANKING',
    "rankingId" UUID,
    "sourceRef" UUID,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER,
    "status" "SummonsStatus" NOT NULL DEFAULT 'AWAITING_PLAN',
    "version" INTEGER NOT NULL DEFAULT 1,
    "heldOn" DATE NOT NULL,
    "attendees" TEXT NOT NULL,
    "issues" TEXT NOT NULL,
    "prefill" JSONB NOT NULL DEFAULT '{}',
    "dueOn" DATE NOT NULL,
    "openedById" UUID NOT NULL,
    "openedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "pbcCosignedById" UUID,
    "pbcCosignedAt" TIMESTAMPTZ(3),
    "planText" TEXT,
    "planFiledAt" TIMESTAMPTZ(3),
    "planReviewedAt" TIMESTAMPTZ(3),
    "planReturnReason" TEXT,
    "completionText" TEXT,
    "completionFiledAt" TIMESTAMPTZ(3),
    "completionReviewedAt" TIMESTAMPTZ(3),
    "completionReturnReason" TEXT,
    "completedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Summons_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SummonsMeasure" (
    "id" UUID NOT NULL,
    "summonsId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "deadline" DATE NOT NULL,

    CONSTRAINT "SummonsMeasure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Summons_openedAt_id_idx" ON "Summons"("openedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Summons_bankOrgId_openedAt_id_idx" ON "Summons"("bankOrgId", "openedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Summons_programId_status_dueOn_idx" ON "Summons"("programId", "status", "dueOn");

-- CreateIndex
CREATE INDEX "Summons_rankingId_idx" ON "Summons"("rankingId");

-- CreateIndex
CREATE UNIQUE INDEX "SummonsMeasure_summonsId_position_key" ON "SummonsMeasure"("summonsId", "position");

-- AddForeignKey
ALTER TABLE "Summons" ADD CONSTRAINT "Summons_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Summons" ADD CONSTRAINT "Summons_bankOrgId_fkey" FOREIGN KEY ("bankOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Summons" ADD CONSTRAINT "Summons_rankingId_fkey" FOREIGN KEY ("rankingId") REFERENCES "Ranking"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SummonsMeasure" ADD CONSTRAINT "SummonsMeasure_summonsId_fkey" FOREIGN KEY ("summonsId") REFERENCES "Summons"("id") ON DELETE CASCADE ON UPDATE CASCADE;
