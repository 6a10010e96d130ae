-- CreateEnum
CREATE TYPE "EvaluationStatus" AS ENUM ('OPEN', 'FINALISED');

-- CreateTable
CREATE TABLE "HalfYearEvaluation" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "half" INTEGER NOT NULL,
    "status" "EvaluationStatus" NOT NULL DEFAULT 'OPEN',
    "rules" JSONB NOT NULL,
    "rulesVersion" INTEGER NOT NULL DEFAULT 1,
    "openedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "openedById" UUID,
    "finalisedAt" TIMESTAMPTZ(3),
    "finalisedById" UUID,
    "snapshot" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "HalfYearEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HalfYearEvaluationBank" (
    "id" UUID NOT NULL,
    "evaluationId" UUID NOT NULL,
    "bankOrgId" UUID NOT NULL,
    "pbcPoints" JSONB,
    "pbcComment" TEXT,
    "pbcById" UUID,
    "pbcAt" TIMESTAMPTZ(3),
    "financePoints" JSONB,
    "financeComment" TEXT,
    "financeById" UUID,
    "financeAt" TIMESTAMPTZ(3),
    "rectifyPicked" BOOLEAN NOT NULL DEFAULT false,
    "rectifyReason" TEXT,
    "rectifyById" UUID,
    "rectifyAt" TIMESTAMPTZ(3),
    "quantitative" DECIMAL(6,2),
    "pbcScore" DECIMAL(6,2),
    "financeScore" DECIMAL(6,2),
    "combinedScore" DECIMAL(6,2),
    "grade" TEXT,
    "mustRectify" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "HalfYearEvaluationBank_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "HalfYearEvaluation_programId_year_half_key" ON "HalfYearEvaluation"("programId", "year", "half");

-- CreateIndex
CREATE INDEX "HalfYearEvaluationBank_bankOrgId_idx" ON "HalfYearEvaluationBank"("bankOrgId");

-- CreateIndex
CREATE UNIQUE INDEX "HalfYearEvaluationBank_evaluationId_bankOrgId_key" ON "HalfYearEvaluationBank"("evaluationId", "bankOrgId");

-- AddForeignKey
ALTER TABLE "HalfYearEvaluation" ADD CONSTRAINT "HalfYearEvaluation_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HalfYearEvaluationBank" ADD CONSTRAINT "HalfYearEvaluationBank_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "HalfYearEvaluation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HalfYearEvaluationBank" ADD CONSTRAINT "HalfYearEvaluationBank_bankOrgId_fkey" FOREIGN KEY ("bankOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A finalised half-year evaluation is what the banks were told: the evaluation and its
-- bank rows are refused any change or deletion once its status is FINALISED (finalisation
-- writes the bank rows first and flips the status last), and TRUNCATE is refused always.
CREATE FUNCTION "rq_refuse_change_finalised_evaluation"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'FINALISED' THEN
    RAISE EXCEPTION 'evaluation % is finalised: % is not allowed', OLD.id, TG_OP USING ERRCODE = 'P0001';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

CREATE TRIGGER "HalfYearEvaluation_finalised_frozen"
  BEFORE UPDATE OR DELETE ON "HalfYearEvaluation"
  FOR EACH ROW EXECUTE FUNCTION "rq_refuse_change_finalised_evaluation"();

CREATE FUNCTION "rq_refuse_change_finalised_evaluation_bank"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  evaluation_id uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD."evaluationId" ELSE NEW."evaluationId" END;
BEGIN
  IF EXISTS (SELECT 1 FROM "HalfYearEvaluation" e WHERE e.id = evaluation_id AND e.status = 'FINALISED')
     OR (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM "HalfYearEvaluation" e WHERE e.id = OLD."evaluationId" AND e.status = 'FINALISED')) THEN
    RAISE EXCEPTION 'evaluation % is finalised: % of its bank rows is not allowed', evaluation_id, TG_OP USING ERRCODE = 'P0001';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

CREATE TRIGGER "HalfYearEvaluationBank_finalised_frozen"
  BEFORE INSERT OR UPDATE OR DELETE ON "HalfYearEvaluationBank"
  FOR EACH ROW EXECUTE FUNCTION "rq_refuse_change_finalised_evaluation_bank"();

CREATE TRIGGER "HalfYearEvaluation_no_truncate" BEFORE TRUNCATE ON "HalfYearEvaluation"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_refuse_truncate_frozen"();
CREATE TRIGGER "HalfYearEvaluationBank_no_truncate" BEFORE TRUNCATE ON "HalfYearEvaluationBank"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_refuse_truncate_frozen"();
