-- CreateTable
CREATE TABLE "BankCreditTarget" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "bankOrgId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "borrowers" INTEGER NOT NULL,
    "firstLoans" INTEGER NOT NULL,
    "creditLoans" INTEGER NOT NULL,
    "note" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BankCreditTarget_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BankCreditTarget_programId_year_bankOrgId_version_key" ON "BankCreditTarget"("programId", "year", "bankOrgId", "version");

-- AddForeignKey
ALTER TABLE "BankCreditTarget" ADD CONSTRAINT "BankCreditTarget_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BankCreditTarget" ADD CONSTRAINT "BankCreditTarget_bankOrgId_fkey" FOREIGN KEY ("bankOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BankCreditTarget" ADD CONSTRAINT "BankCreditTarget_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A target is changed by adding a version, never by editing one: the history of who set
-- which figure when is what the finance office answers to.
CREATE TRIGGER "BankCreditTarget_append_only"
  BEFORE UPDATE OR DELETE ON "BankCreditTarget"
  FOR EACH ROW EXECUTE FUNCTION "rq_refuse_change_append_only"();

CREATE TRIGGER "BankCreditTarget_no_truncate"
  BEFORE TRUNCATE ON "BankCreditTarget"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_refuse_change_append_only"();
