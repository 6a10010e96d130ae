-- CreateEnum
CREATE TYPE "RankingPeriod" AS ENUM ('QUARTER', 'YEAR');

-- CreateEnum
CREATE TYPE "RewardRestrictionKind" AS ENUM ('REWARD', 'RESTRICTION');

-- DropIndex
DROP INDEX "ScoringRuleSet_programId_version_key";

-- AlterTable
ALTER TABLE "ScoringRuleSet" ADD COLUMN     "period" "RankingPeriod" NOT NULL DEFAULT 'QUARTER';

-- AlterTable
ALTER TABLE "Ranking" ADD COLUMN     "period" "RankingPeriod" NOT NULL DEFAULT 'QUARTER';

-- CreateTable
CREATE TABLE "RewardRestriction" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "bankOrgId" UUID NOT NULL,
    "kind" "RewardRestrictionKind" NOT NULL,
    "measure" TEXT NOT NULL,
    "issuingOffice" TEXT NOT NULL,
    "issuedOn" DATE NOT NULL,
    "basis" TEXT NOT NULL,
    "rankingId" UUID,
    "supersedesId" UUID,
    "withdrawn" BOOLEAN NOT NULL DEFAULT false,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RewardRestriction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RewardRestriction_supersedesId_key" ON "RewardRestriction"("supersedesId");

-- CreateIndex
CREATE INDEX "RewardRestriction_bankOrgId_issuedOn_id_idx" ON "RewardRestriction"("bankOrgId", "issuedOn", "id");

-- CreateIndex
CREATE INDEX "RewardRestriction_programId_issuedOn_id_idx" ON "RewardRestriction"("programId", "issuedOn", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ScoringRuleSet_programId_period_version_key" ON "ScoringRuleSet"("programId", "period", "version");

-- AddForeignKey
ALTER TABLE "RewardRestriction" ADD CONSTRAINT "RewardRestriction_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RewardRestriction" ADD CONSTRAINT "RewardRestriction_bankOrgId_fkey" FOREIGN KEY ("bankOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RewardRestriction" ADD CONSTRAINT "RewardRestriction_rankingId_fkey" FOREIGN KEY ("rankingId") REFERENCES "Ranking"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RewardRestriction" ADD CONSTRAINT "RewardRestriction_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "RewardRestriction"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RewardRestriction" ADD CONSTRAINT "RewardRestriction_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- An annual assessment is stored as quarter 0 of its year; a quarterly ranking names its
-- quarter. A trigger rather than a CHECK: schema.prisma cannot describe a CHECK, and the
-- drift test compares constraints.
CREATE FUNCTION "rq_ranking_period_quarter"() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW."period" = 'YEAR' AND NEW."quarter" <> 0) OR (NEW."period" = 'QUARTER' AND NEW."quarter" NOT BETWEEN 1 AND 4) THEN
    RAISE EXCEPTION 'Ranking: period % with quarter %', NEW."period", NEW."quarter" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Ranking_period_quarter"
  BEFORE INSERT OR UPDATE OF "period", "quarter" ON "Ranking"
  FOR EACH ROW EXECUTE FUNCTION "rq_ranking_period_quarter"();

-- The register is what the offices answer to: an entry is never edited or deleted; a
-- correction or a withdrawal is a new entry naming the one it supersedes.
CREATE TRIGGER "RewardRestriction_append_only"
  BEFORE UPDATE OR DELETE ON "RewardRestriction"
  FOR EACH ROW EXECUTE FUNCTION "rq_refuse_change_append_only"();

CREATE TRIGGER "RewardRestriction_no_truncate"
  BEFORE TRUNCATE ON "RewardRestriction"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_refuse_change_append_only"();
