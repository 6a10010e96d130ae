-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "OrgKind" AS ENUM ('FINANCE_OFFICE', 'CENTRAL_BANK', 'BANK', 'PARK', 'ENTERPRISE', 'GUARANTEE_COMPANY');

-- CreateEnum
CREATE TYPE "BankLevel" AS ENUM ('HEAD_OFFICE', 'BRANCH', 'SUB_BRANCH');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('FINANCE_ADMIN', 'FINANCE_STAFF', 'CENTRAL_BANK_STAFF', 'BANK_MANAGER', 'BANK_LIAISON', 'PARK_STAFF', 'ENTERPRISE_OWNER', 'ENTERPRISE_MEMBER');

-- CreateEnum
CREATE TYPE "ProgramLevel" AS ENUM ('PROVINCE', 'CITY', 'COUNTY');

-- CreateEnum
CREATE TYPE "PhaseKind" AS ENUM ('PREPARATION', 'IMPLEMENTATION', 'ASSESSMENT');

-- CreateEnum
CREATE TYPE "EnterpriseSize" AS ENUM ('LARGE', 'MEDIUM', 'SMALL', 'MICRO');

-- CreateEnum
CREATE TYPE "SupportClass" AS ENUM ('A', 'B', 'C');

-- CreateEnum
CREATE TYPE "RegistrationStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "PairingRole" AS ENUM ('MAIN', 'PARTICIPATING');

-- CreateEnum
CREATE TYPE "RequestType" AS ENUM ('FINANCING', 'CONSULTATION', 'DIFFICULTY');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'FORWARDED', 'SIGNED', 'ANSWERED', 'ESCALATED', 'CLOSED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "AnswerKind" AS ENUM ('CAN_DO', 'NEEDS_DOCUMENTS', 'CANNOT_DO', 'GRANTED');

-- CreateEnum
CREATE TYPE "CloseReason" AS ENUM ('RATED', 'NOT_RATED', 'CLOSED_OUT');

-- CreateEnum
CREATE TYPE "Rating" AS ENUM ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED');

-- CreateEnum
CREATE TYPE "RouteRole" AS ENUM ('PRIMARY', 'COPY');

-- CreateEnum
CREATE TYPE "LedgerAction" AS ENUM ('SUBMIT', 'FORWARD', 'RETURN', 'SIGN', 'ANSWER', 'PASS', 'ESCALATE', 'REMIND', 'ASSIGN', 'RATE', 'REOPEN', 'WITHDRAW', 'CLOSE', 'DEADLINE_RECOMPUTED', 'COMMENT');

-- CreateEnum
CREATE TYPE "SubmissionStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED');

-- CreateEnum
CREATE TYPE "RankingStatus" AS ENUM ('DRAFT', 'UNDER_REVIEW', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "CalendarDayKind" AS ENUM ('HOLIDAY', 'WORKDAY');

-- CreateEnum
CREATE TYPE "AuditOutcome" AS ENUM ('SUCCESS', 'DENIED', 'FAILURE');

-- CreateTable
CREATE TABLE "Organization" (
    "id" UUID NOT NULL,
    "kind" "OrgKind" NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT,
    "parentId" UUID,
    "bankLevel" "BankLevel",
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "account" TEXT NOT NULL,
    "mobile" TEXT,
    "name" TEXT NOT NULL,
    "idNumber" TEXT,
    "passwordHash" TEXT,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "totpSecret" TEXT,
    "totpEnabledAt" TIMESTAMPTZ(3),
    "recoveryCodes" TEXT[],
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "failedSignIns" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(3),
    "lastSignInAt" TIMESTAMPTZ(3),
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Program" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "docNumber" TEXT NOT NULL,
    "level" "ProgramLevel" NOT NULL DEFAULT 'CITY',
    "year" INTEGER NOT NULL,
    "leadUnits" TEXT[],
    "description" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Program_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgramPhase" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "kind" "PhaseKind" NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,

    CONSTRAINT "ProgramPhase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgramRuleVersion" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "replyDeadlineDays" INTEGER NOT NULL DEFAULT 5,
    "escalateAfterDays" INTEGER NOT NULL DEFAULT 0,
    "bulletinAfterRemindDays" INTEGER NOT NULL DEFAULT 5,
    "quarterlyWindowDays" INTEGER NOT NULL DEFAULT 7,
    "renewalLeadDays" INTEGER NOT NULL DEFAULT 30,
    "bottomListSize" INTEGER NOT NULL DEFAULT 5,
    "autoCloseUnratedDays" INTEGER NOT NULL DEFAULT 10,
    "effectiveFrom" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgramRuleVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Park" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "district" TEXT,
    "address" TEXT,
    "windowName" TEXT,
    "windowPhone" TEXT,

    CONSTRAINT "Park_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BankContact" (
    "id" UUID NOT NULL,
    "bankOrgId" UUID NOT NULL,
    "firstPersonName" TEXT NOT NULL,
    "firstPersonTitle" TEXT NOT NULL,
    "firstPersonMobile" TEXT,
    "secondPersonName" TEXT NOT NULL,
    "secondPersonTitle" TEXT NOT NULL,
    "secondPersonMobile" TEXT,
    "department" TEXT NOT NULL,
    "liaisonName" TEXT NOT NULL,
    "liaisonMobile" TEXT,
    "liaisonPhone" TEXT,
    "effectiveOn" DATE NOT NULL,
    "filedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "filedLate" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BankContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Enterprise" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "uscc" CHAR(18) NOT NULL,
    "name" TEXT NOT NULL,
    "parkId" UUID NOT NULL,
    "industrySection" CHAR(1) NOT NULL,
    "industryDivision" CHAR(2),
    "size" "EnterpriseSize" NOT NULL,
    "tags" TEXT[],
    "creditRating" TEXT,
    "supportClass" "SupportClass",
    "registeredCapitalFen" BIGINT,
    "foundedOn" DATE,
    "contactName" TEXT,
    "contactMobile" TEXT,
    "registrationStatus" "RegistrationStatus" NOT NULL DEFAULT 'PENDING',
    "registrationNote" TEXT,
    "reviewedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Enterprise_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnterpriseClassChange" (
    "id" UUID NOT NULL,
    "enterpriseId" UUID NOT NULL,
    "fromClass" "SupportClass",
    "toClass" "SupportClass" NOT NULL,
    "reason" TEXT NOT NULL,
    "changedById" UUID,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EnterpriseClassChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ParkBankPairing" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "parkId" UUID NOT NULL,
    "bankOrgId" UUID NOT NULL,
    "role" "PairingRole" NOT NULL,
    "lockedAt" TIMESTAMPTZ(3),
    "changeReason" TEXT,
    "endedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ParkBankPairing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnterpriseBankPairing" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "bankOrgId" UUID NOT NULL,
    "enterpriseId" UUID NOT NULL,
    "accountManagerName" TEXT NOT NULL,
    "accountManagerMobile" TEXT,
    "lockedAt" TIMESTAMPTZ(3),
    "changeReason" TEXT,
    "endedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EnterpriseBankPairing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Request" (
    "id" UUID NOT NULL,
    "serial" TEXT NOT NULL,
    "programId" UUID NOT NULL,
    "ruleVersionId" UUID NOT NULL,
    "enterpriseId" UUID NOT NULL,
    "parkId" UUID NOT NULL,
    "type" "RequestType" NOT NULL,
    "status" "RequestStatus" NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "amountFen" BIGINT,
    "purpose" TEXT,
    "termMonths" INTEGER,
    "collateral" TEXT,
    "neededBy" DATE,
    "preferredProducts" TEXT[],
    "assignedBankId" UUID,
    "submittedAt" TIMESTAMPTZ(3),
    "forwardedAt" TIMESTAMPTZ(3),
    "dueAt" TIMESTAMPTZ(3),
    "dueProvisional" BOOLEAN NOT NULL DEFAULT false,
    "signedAt" TIMESTAMPTZ(3),
    "answeredAt" TIMESTAMPTZ(3),
    "answerKind" "AnswerKind",
    "escalatedAt" TIMESTAMPTZ(3),
    "remindedAt" TIMESTAMPTZ(3),
    "inBulletin" BOOLEAN NOT NULL DEFAULT false,
    "closedAt" TIMESTAMPTZ(3),
    "closeReason" "CloseReason",
    "rating" "Rating",
    "ratingComment" TEXT,
    "withdrawnAfterAnswer" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestRoute" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "bankOrgId" UUID NOT NULL,
    "role" "RouteRole" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestRoute_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" BIGSERIAL NOT NULL,
    "requestId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "action" "LedgerAction" NOT NULL,
    "actorUserId" UUID,
    "actorOrgId" UUID,
    "fromStatus" "RequestStatus",
    "toStatus" "RequestStatus",
    "content" JSONB NOT NULL DEFAULT '{}',
    "note" TEXT,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "prevHash" TEXT,
    "hash" TEXT NOT NULL,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "ledgerEntryId" BIGINT,
    "fileName" TEXT NOT NULL,
    "storedName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "uploadedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoanOutcome" (
    "id" UUID NOT NULL,
    "requestId" UUID,
    "bankOrgId" UUID NOT NULL,
    "enterpriseId" UUID NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "annualRate" DECIMAL(6,4) NOT NULL,
    "termMonths" INTEGER NOT NULL,
    "product" TEXT NOT NULL,
    "guarantee" TEXT,
    "isFirstLoan" BOOLEAN NOT NULL DEFAULT false,
    "isCreditLoan" BOOLEAN NOT NULL DEFAULT false,
    "grantedOn" DATE,
    "disbursedOn" DATE,
    "maturesOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoanOutcome_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuarterlySubmission" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "bankOrgId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "status" "SubmissionStatus" NOT NULL DEFAULT 'DRAFT',
    "dueAt" TIMESTAMPTZ(3),
    "submittedAt" TIMESTAMPTZ(3),
    "late" BOOLEAN NOT NULL DEFAULT false,
    "reviewedById" UUID,
    "reviewedAt" TIMESTAMPTZ(3),
    "returnReason" TEXT,
    "frozenAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "QuarterlySubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuarterlyParkFigure" (
    "id" UUID NOT NULL,
    "submissionId" UUID NOT NULL,
    "parkId" UUID NOT NULL,
    "loanBalanceFen" BIGINT NOT NULL,
    "loanIncrementFen" BIGINT NOT NULL,
    "borrowers" INTEGER NOT NULL,
    "firstLoans" INTEGER NOT NULL,
    "creditLoans" INTEGER NOT NULL,
    "averageRate" DECIMAL(6,4),

    CONSTRAINT "QuarterlyParkFigure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoringRuleSet" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "rules" JSONB NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScoringRuleSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ranking" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "ruleSetId" UUID NOT NULL,
    "status" "RankingStatus" NOT NULL DEFAULT 'DRAFT',
    "computedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMPTZ(3),
    "publishedById" UUID,

    CONSTRAINT "Ranking_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RankingEntry" (
    "id" UUID NOT NULL,
    "rankingId" UUID NOT NULL,
    "bankOrgId" UUID NOT NULL,
    "totalScore" DECIMAL(7,2) NOT NULL,
    "rank" INTEGER NOT NULL,
    "bottomList" BOOLEAN NOT NULL DEFAULT false,
    "breakdown" JSONB NOT NULL,

    CONSTRAINT "RankingEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarYear" (
    "year" INTEGER NOT NULL,
    "source" TEXT,
    "publishedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CalendarYear_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "CalendarDay" (
    "date" DATE NOT NULL,
    "kind" "CalendarDayKind" NOT NULL,
    "name" TEXT,
    "updatedById" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CalendarDay_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "BankProduct" (
    "id" UUID NOT NULL,
    "bankOrgId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "minAmountFen" BIGINT,
    "maxAmountFen" BIGINT,
    "minTermMonths" INTEGER,
    "maxTermMonths" INTEGER,
    "minRateBpOverLpr" INTEGER,
    "maxRateBpOverLpr" INTEGER,
    "collateral" TEXT,
    "targets" TEXT,
    "howToApply" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BankProduct_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ParkVisit" (
    "id" UUID NOT NULL,
    "parkId" UUID NOT NULL,
    "bankOrgId" UUID NOT NULL,
    "visitedOn" DATE NOT NULL,
    "leaderName" TEXT NOT NULL,
    "summary" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ParkVisit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "userId" UUID,
    "orgId" UUID,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT,
    "link" TEXT,
    "readAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorUserId" UUID,
    "actorOrgId" UUID,
    "action" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "outcome" "AuditOutcome" NOT NULL DEFAULT 'SUCCESS',
    "ip" TEXT,
    "userAgent" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Organization_kind_active_idx" ON "Organization"("kind", "active");

-- CreateIndex
CREATE INDEX "Organization_parentId_idx" ON "Organization"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "User_account_key" ON "User"("account");

-- CreateIndex
CREATE UNIQUE INDEX "User_mobile_key" ON "User"("mobile");

-- CreateIndex
CREATE INDEX "User_orgId_idx" ON "User"("orgId");

-- CreateIndex
CREATE INDEX "Program_year_idx" ON "Program"("year");

-- CreateIndex
CREATE UNIQUE INDEX "ProgramPhase_programId_kind_key" ON "ProgramPhase"("programId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "ProgramRuleVersion_programId_version_key" ON "ProgramRuleVersion"("programId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Park_orgId_key" ON "Park"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "Park_code_key" ON "Park"("code");

-- CreateIndex
CREATE INDEX "BankContact_bankOrgId_effectiveOn_idx" ON "BankContact"("bankOrgId", "effectiveOn");

-- CreateIndex
CREATE UNIQUE INDEX "Enterprise_orgId_key" ON "Enterprise"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "Enterprise_uscc_key" ON "Enterprise"("uscc");

-- CreateIndex
CREATE INDEX "Enterprise_parkId_registrationStatus_idx" ON "Enterprise"("parkId", "registrationStatus");

-- CreateIndex
CREATE INDEX "Enterprise_industrySection_idx" ON "Enterprise"("industrySection");

-- CreateIndex
CREATE INDEX "Enterprise_name_idx" ON "Enterprise"("name");

-- CreateIndex
CREATE INDEX "EnterpriseClassChange_enterpriseId_changedAt_idx" ON "EnterpriseClassChange"("enterpriseId", "changedAt");

-- CreateIndex
CREATE INDEX "ParkBankPairing_bankOrgId_year_idx" ON "ParkBankPairing"("bankOrgId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "ParkBankPairing_programId_year_parkId_bankOrgId_key" ON "ParkBankPairing"("programId", "year", "parkId", "bankOrgId");

-- CreateIndex
CREATE INDEX "EnterpriseBankPairing_enterpriseId_year_idx" ON "EnterpriseBankPairing"("enterpriseId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "EnterpriseBankPairing_programId_year_bankOrgId_enterpriseId_key" ON "EnterpriseBankPairing"("programId", "year", "bankOrgId", "enterpriseId");

-- CreateIndex
CREATE UNIQUE INDEX "Request_serial_key" ON "Request"("serial");

-- CreateIndex
CREATE INDEX "Request_parkId_status_idx" ON "Request"("parkId", "status");

-- CreateIndex
CREATE INDEX "Request_assignedBankId_status_dueAt_idx" ON "Request"("assignedBankId", "status", "dueAt");

-- CreateIndex
CREATE INDEX "Request_enterpriseId_status_idx" ON "Request"("enterpriseId", "status");

-- CreateIndex
CREATE INDEX "Request_status_dueAt_idx" ON "Request"("status", "dueAt");

-- CreateIndex
CREATE INDEX "Request_programId_submittedAt_idx" ON "Request"("programId", "submittedAt");

-- CreateIndex
CREATE INDEX "RequestRoute_bankOrgId_role_idx" ON "RequestRoute"("bankOrgId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "RequestRoute_requestId_bankOrgId_key" ON "RequestRoute"("requestId", "bankOrgId");

-- CreateIndex
CREATE INDEX "LedgerEntry_occurredAt_idx" ON "LedgerEntry"("occurredAt");

-- CreateIndex
CREATE INDEX "LedgerEntry_actorOrgId_occurredAt_idx" ON "LedgerEntry"("actorOrgId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_requestId_seq_key" ON "LedgerEntry"("requestId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_storedName_key" ON "Attachment"("storedName");

-- CreateIndex
CREATE INDEX "Attachment_requestId_idx" ON "Attachment"("requestId");

-- CreateIndex
CREATE INDEX "LoanOutcome_bankOrgId_disbursedOn_idx" ON "LoanOutcome"("bankOrgId", "disbursedOn");

-- CreateIndex
CREATE INDEX "LoanOutcome_enterpriseId_idx" ON "LoanOutcome"("enterpriseId");

-- CreateIndex
CREATE INDEX "LoanOutcome_maturesOn_idx" ON "LoanOutcome"("maturesOn");

-- CreateIndex
CREATE UNIQUE INDEX "QuarterlySubmission_programId_bankOrgId_year_quarter_key" ON "QuarterlySubmission"("programId", "bankOrgId", "year", "quarter");

-- CreateIndex
CREATE UNIQUE INDEX "QuarterlyParkFigure_submissionId_parkId_key" ON "QuarterlyParkFigure"("submissionId", "parkId");

-- CreateIndex
CREATE UNIQUE INDEX "ScoringRuleSet_programId_version_key" ON "ScoringRuleSet"("programId", "version");

-- CreateIndex
CREATE INDEX "Ranking_programId_year_quarter_idx" ON "Ranking"("programId", "year", "quarter");

-- CreateIndex
CREATE UNIQUE INDEX "RankingEntry_rankingId_bankOrgId_key" ON "RankingEntry"("rankingId", "bankOrgId");

-- CreateIndex
CREATE INDEX "BankProduct_bankOrgId_active_idx" ON "BankProduct"("bankOrgId", "active");

-- CreateIndex
CREATE INDEX "ParkVisit_parkId_visitedOn_idx" ON "ParkVisit"("parkId", "visitedOn");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "Notification_orgId_readAt_idx" ON "Notification"("orgId", "readAt");

-- CreateIndex
CREATE INDEX "AuditLog_occurredAt_idx" ON "AuditLog"("occurredAt");

-- CreateIndex
CREATE INDEX "AuditLog_actorUserId_occurredAt_idx" ON "AuditLog"("actorUserId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditLog_action_occurredAt_idx" ON "AuditLog"("action", "occurredAt");

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramPhase" ADD CONSTRAINT "ProgramPhase_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramRuleVersion" ADD CONSTRAINT "ProgramRuleVersion_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramRuleVersion" ADD CONSTRAINT "ProgramRuleVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Park" ADD CONSTRAINT "Park_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BankContact" ADD CONSTRAINT "BankContact_bankOrgId_fkey" FOREIGN KEY ("bankOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enterprise" ADD CONSTRAINT "Enterprise_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enterprise" ADD CONSTRAINT "Enterprise_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseClassChange" ADD CONSTRAINT "EnterpriseClassChange_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseClassChange" ADD CONSTRAINT "EnterpriseClassChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParkBankPairing" ADD CONSTRAINT "ParkBankPairing_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParkBankPairing" ADD CONSTRAINT "ParkBankPairing_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParkBankPairing" ADD CONSTRAINT "ParkBankPairing_bankOrgId_fkey" FOREIGN KEY ("bankOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseBankPairing" ADD CONSTRAINT "EnterpriseBankPairing_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseBankPairing" ADD CONSTRAINT "EnterpriseBankPairing_bankOrgId_fkey" FOREIGN KEY ("bankOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseBankPairing" ADD CONSTRAINT "EnterpriseBankPairing_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_ruleVersionId_fkey" FOREIGN KEY ("ruleVersionId") REFERENCES "ProgramRuleVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_assignedBankId_fkey" FOREIGN KEY ("assignedBankId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestRoute" ADD CONSTRAINT "RequestRoute_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestRoute" ADD CONSTRAINT "RequestRoute_bankOrgId_fkey" FOREIGN KEY ("bankOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_ledgerEntryId_fkey" FOREIGN KEY ("ledgerEntryId") REFERENCES "LedgerEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoanOutcome" ADD CONSTRAINT "LoanOutcome_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoanOutcome" ADD CONSTRAINT "LoanOutcome_bankOrgId_fkey" FOREIGN KEY ("bankOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoanOutcome" ADD CONSTRAINT "LoanOutcome_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuarterlySubmission" ADD CONSTRAINT "QuarterlySubmission_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuarterlySubmission" ADD CONSTRAINT "QuarterlySubmission_bankOrgId_fkey" FOREIGN KEY ("bankOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuarterlyParkFigure" ADD CONSTRAINT "QuarterlyParkFigure_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "QuarterlySubmission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuarterlyParkFigure" ADD CONSTRAINT "QuarterlyParkFigure_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoringRuleSet" ADD CONSTRAINT "ScoringRuleSet_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoringRuleSet" ADD CONSTRAINT "ScoringRuleSet_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ranking" ADD CONSTRAINT "Ranking_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ranking" ADD CONSTRAINT "Ranking_ruleSetId_fkey" FOREIGN KEY ("ruleSetId") REFERENCES "ScoringRuleSet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RankingEntry" ADD CONSTRAINT "RankingEntry_rankingId_fkey" FOREIGN KEY ("rankingId") REFERENCES "Ranking"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RankingEntry" ADD CONSTRAINT "RankingEntry_bankOrgId_fkey" FOREIGN KEY ("bankOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarDay" ADD CONSTRAINT "CalendarDay_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BankProduct" ADD CONSTRAINT "BankProduct_bankOrgId_fkey" FOREIGN KEY ("bankOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParkVisit" ADD CONSTRAINT "ParkVisit_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParkVisit" ADD CONSTRAINT "ParkVisit_bankOrgId_fkey" FOREIGN KEY ("bankOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ─────────────────────────────────────────────────────────────────────────────
-- Hand-written (not generated from schema.prisma): "LedgerEntry" (解决台账) and
-- "AuditLog" are append-only. INSERT is allowed; UPDATE, DELETE and TRUNCATE are
-- refused by the database itself, whatever the application does. Corrections are new
-- entries. Note that an ON DELETE SET NULL cascade from "User" is an UPDATE here, so
-- a user referenced by the ledger or the audit log cannot be deleted (deactivate it).
-- A deliberate exception needs a superuser: ALTER TABLE … DISABLE TRIGGER ….
-- ─────────────────────────────────────────────────────────────────────────────

CREATE FUNCTION "rq_refuse_change_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'append-only table "%": % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'P0001',
          HINT = 'Ledger and audit entries are never changed or removed; record a new entry instead.';
END;
$$;

CREATE TRIGGER "LedgerEntry_append_only"
  BEFORE UPDATE OR DELETE ON "LedgerEntry"
  FOR EACH ROW EXECUTE FUNCTION "rq_refuse_change_append_only"();

CREATE TRIGGER "LedgerEntry_no_truncate"
  BEFORE TRUNCATE ON "LedgerEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_refuse_change_append_only"();

CREATE TRIGGER "AuditLog_append_only"
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "rq_refuse_change_append_only"();

CREATE TRIGGER "AuditLog_no_truncate"
  BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_refuse_change_append_only"();
