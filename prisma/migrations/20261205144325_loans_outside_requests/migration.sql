-- AlterTable
ALTER TABLE "LoanOutcome" ADD COLUMN     "recordedById" UUID;

-- CreateTable
CREATE TABLE "LoanCancellation" (
    "loanId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "cancelledById" UUID NOT NULL,
    "cancelledByOrgId" UUID NOT NULL,
    "cancelledAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoanCancellation_pkey" PRIMARY KEY ("loanId")
);

-- CreateIndex
CREATE INDEX "LoanOutcome_bankOrgId_createdAt_id_idx" ON "LoanOutcome"("bankOrgId", "createdAt", "id");

-- AddForeignKey
ALTER TABLE "LoanCancellation" ADD CONSTRAINT "LoanCancellation_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES "LoanOutcome"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A cancellation is the correction of a loan recorded by mistake: never edited or deleted,
-- like the other registers the offices answer to.
CREATE TRIGGER "LoanCancellation_append_only"
  BEFORE UPDATE OR DELETE ON "LoanCancellation"
  FOR EACH ROW EXECUTE FUNCTION "rq_refuse_change_append_only"();

CREATE TRIGGER "LoanCancellation_no_truncate"
  BEFORE TRUNCATE ON "LoanCancellation"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_refuse_change_append_only"();
