-- CreateEnum
CREATE TYPE "QuestionnaireStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "QuestionnaireTarget" AS ENUM ('ALL', 'PARK', 'TAG');

-- CreateTable
CREATE TABLE "Questionnaire" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "intro" TEXT,
    "questions" JSONB NOT NULL,
    "target" "QuestionnaireTarget" NOT NULL,
    "targetParkId" UUID,
    "targetTag" TEXT,
    "opensOn" DATE NOT NULL,
    "closesOn" DATE NOT NULL,
    "status" "QuestionnaireStatus" NOT NULL DEFAULT 'DRAFT',
    "targetedCount" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "openedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Questionnaire_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuestionnaireResponse" (
    "id" UUID NOT NULL,
    "questionnaireId" UUID NOT NULL,
    "enterpriseId" UUID NOT NULL,
    "bankOrgId" UUID,
    "answers" JSONB NOT NULL,
    "rated" INTEGER NOT NULL DEFAULT 0,
    "satisfied" INTEGER NOT NULL DEFAULT 0,
    "submittedById" UUID,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuestionnaireResponse_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Questionnaire_createdAt_id_idx" ON "Questionnaire"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Questionnaire_status_closesOn_idx" ON "Questionnaire"("status", "closesOn");

-- CreateIndex
CREATE INDEX "Questionnaire_programId_year_quarter_idx" ON "Questionnaire"("programId", "year", "quarter");

-- CreateIndex
CREATE INDEX "QuestionnaireResponse_questionnaireId_submittedAt_id_idx" ON "QuestionnaireResponse"("questionnaireId", "submittedAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "QuestionnaireResponse_questionnaireId_enterpriseId_key" ON "QuestionnaireResponse"("questionnaireId", "enterpriseId");

-- AddForeignKey
ALTER TABLE "Questionnaire" ADD CONSTRAINT "Questionnaire_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionnaireResponse" ADD CONSTRAINT "QuestionnaireResponse_questionnaireId_fkey" FOREIGN KEY ("questionnaireId") REFERENCES "Questionnaire"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionnaireResponse" ADD CONSTRAINT "QuestionnaireResponse_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- An answer is final once submitted: never edited, deleted or truncated (the portal's role
-- has no UPDATE/DELETE grant on it either: APPEND_ONLY_TABLES in scripts/db/database-roles.ts).
CREATE TRIGGER "QuestionnaireResponse_append_only"
  BEFORE UPDATE OR DELETE ON "QuestionnaireResponse"
  FOR EACH ROW EXECUTE FUNCTION "rq_refuse_change_append_only"();

CREATE TRIGGER "QuestionnaireResponse_no_truncate"
  BEFORE TRUNCATE ON "QuestionnaireResponse"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_refuse_change_append_only"();
