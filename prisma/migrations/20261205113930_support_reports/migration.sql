-- CreateEnum
CREATE TYPE "SupportReportStatus" AS ENUM ('OVERDUE', 'FILED', 'RETURNED', 'ACCEPTED');

-- CreateEnum
CREATE TYPE "SupportReviewDecision" AS ENUM ('ACCEPT', 'RETURN');

-- CreateEnum
CREATE TYPE "SupportVerdict" AS ENUM ('COMMEND', 'NONE', 'CRITICIZE');

-- AlterTable
ALTER TABLE "ProgramRuleVersion" ADD COLUMN     "supportReportDueDay" INTEGER NOT NULL DEFAULT 31,
ADD COLUMN     "supportReportStartMonth" INTEGER NOT NULL DEFAULT 8,
ADD COLUMN     "supportReviewOffice" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "SupportFile" (
    "id" UUID NOT NULL,
    "pairingId" UUID NOT NULL,
    "profile" TEXT NOT NULL,
    "coachingPlan" TEXT NOT NULL,
    "creditLineTargetFen" BIGINT,
    "otherTargets" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SupportFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportReport" (
    "id" UUID NOT NULL,
    "pairingId" UUID NOT NULL,
    "bankOrgId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "SupportReportStatus" NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "creditGrantedFen" BIGINT NOT NULL DEFAULT 0,
    "filedAt" TIMESTAMPTZ(3),
    "reviewedAt" TIMESTAMPTZ(3),
    "returnReason" TEXT,
    "lateAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SupportReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportReportRevision" (
    "id" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "plan" TEXT NOT NULL,
    "progress" TEXT NOT NULL,
    "creditGrantedFen" BIGINT NOT NULL,
    "activities" JSONB NOT NULL,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "filedById" UUID NOT NULL,
    "filedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupportReportRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportReportReview" (
    "id" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "decision" "SupportReviewDecision" NOT NULL,
    "reason" TEXT,
    "reviewerId" UUID NOT NULL,
    "reviewerOrgId" UUID NOT NULL,
    "reviewedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupportReportReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportAssessment" (
    "id" UUID NOT NULL,
    "pairingId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "bankOrgId" UUID NOT NULL,
    "coachingScore" INTEGER NOT NULL,
    "creditScore" INTEGER NOT NULL,
    "reportingScore" INTEGER NOT NULL,
    "totalScore" INTEGER NOT NULL,
    "verdict" "SupportVerdict" NOT NULL,
    "comment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "assessedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SupportAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SupportFile_pairingId_key" ON "SupportFile"("pairingId");

-- CreateIndex
CREATE INDEX "SupportReport_month_id_idx" ON "SupportReport"("month", "id");

-- CreateIndex
CREATE INDEX "SupportReport_status_month_id_idx" ON "SupportReport"("status", "month", "id");

-- CreateIndex
CREATE INDEX "SupportReport_bankOrgId_month_id_idx" ON "SupportReport"("bankOrgId", "month", "id");

-- CreateIndex
CREATE UNIQUE INDEX "SupportReport_pairingId_month_key" ON "SupportReport"("pairingId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "SupportReportRevision_reportId_revision_key" ON "SupportReportRevision"("reportId", "revision");

-- CreateIndex
CREATE INDEX "SupportReportReview_reportId_reviewedAt_idx" ON "SupportReportReview"("reportId", "reviewedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SupportAssessment_pairingId_key" ON "SupportAssessment"("pairingId");

-- CreateIndex
CREATE INDEX "SupportAssessment_year_verdict_totalScore_id_idx" ON "SupportAssessment"("year", "verdict", "totalScore", "id");

-- AddForeignKey
ALTER TABLE "SupportFile" ADD CONSTRAINT "SupportFile_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "EnterpriseBankPairing"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportReport" ADD CONSTRAINT "SupportReport_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "EnterpriseBankPairing"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportReportRevision" ADD CONSTRAINT "SupportReportRevision_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "SupportReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportReportReview" ADD CONSTRAINT "SupportReportReview_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "SupportReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportAssessment" ADD CONSTRAINT "SupportAssessment_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "EnterpriseBankPairing"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- What a bank filed and what the office decided are evidence for the year-end assessment:
-- a refiling adds a revision, a decision adds a review; neither is ever edited.
CREATE TRIGGER "SupportReportRevision_append_only"
  BEFORE UPDATE OR DELETE ON "SupportReportRevision"
  FOR EACH ROW EXECUTE FUNCTION "rq_refuse_change_append_only"();

CREATE TRIGGER "SupportReportRevision_no_truncate"
  BEFORE TRUNCATE ON "SupportReportRevision"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_refuse_change_append_only"();

CREATE TRIGGER "SupportReportReview_append_only"
  BEFORE UPDATE OR DELETE ON "SupportReportReview"
  FOR EACH ROW EXECUTE FUNCTION "rq_refuse_change_append_only"();

CREATE TRIGGER "SupportReportReview_no_truncate"
  BEFORE TRUNCATE ON "SupportReportReview"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_refuse_change_append_only"();
