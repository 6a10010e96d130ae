-- AlterTable
ALTER TABLE "QuarterlySubmission" ADD COLUMN     "itemsSnapshot" JSONB;

-- AlterTable
ALTER TABLE "Ranking" ADD COLUMN     "computedById" UUID,
ADD COLUMN     "financeReviewedAt" TIMESTAMPTZ(3),
ADD COLUMN     "financeReviewedById" UUID,
ADD COLUMN     "pbcReviewedAt" TIMESTAMPTZ(3),
ADD COLUMN     "pbcReviewedById" UUID,
ADD COLUMN     "snapshot" JSONB NOT NULL DEFAULT '{}';

-- ─────────────────────────────────────────────────────────────────────────────
-- A published ranking is a frozen snapshot: its row and its entries can no longer be
-- changed or removed, and no entry can be added to it. An accepted (frozen) quarterly
-- submission likewise keeps its figures. Enforced here, not only in code.
-- ─────────────────────────────────────────────────────────────────────────────

CREATE FUNCTION "rq_refuse_change_published_ranking"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'PUBLISHED' THEN
    RAISE EXCEPTION 'ranking % is published: % is not allowed', OLD.id, TG_OP USING ERRCODE = 'P0001';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

CREATE TRIGGER "Ranking_published_frozen"
  BEFORE UPDATE OR DELETE ON "Ranking"
  FOR EACH ROW EXECUTE FUNCTION "rq_refuse_change_published_ranking"();

CREATE FUNCTION "rq_refuse_change_published_ranking_entry"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ranking_id uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD."rankingId" ELSE NEW."rankingId" END;
BEGIN
  IF EXISTS (SELECT 1 FROM "Ranking" r WHERE r.id = ranking_id AND r.status = 'PUBLISHED')
     OR (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM "Ranking" r WHERE r.id = OLD."rankingId" AND r.status = 'PUBLISHED')) THEN
    RAISE EXCEPTION 'ranking % is published: % of its entries is not allowed', ranking_id, TG_OP USING ERRCODE = 'P0001';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

CREATE TRIGGER "RankingEntry_published_frozen"
  BEFORE INSERT OR UPDATE OR DELETE ON "RankingEntry"
  FOR EACH ROW EXECUTE FUNCTION "rq_refuse_change_published_ranking_entry"();

CREATE FUNCTION "rq_refuse_change_frozen_submission"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."frozenAt" IS NOT NULL THEN
    RAISE EXCEPTION 'quarterly submission % is accepted and frozen: % is not allowed', OLD.id, TG_OP USING ERRCODE = 'P0001';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

CREATE TRIGGER "QuarterlySubmission_frozen"
  BEFORE UPDATE OR DELETE ON "QuarterlySubmission"
  FOR EACH ROW EXECUTE FUNCTION "rq_refuse_change_frozen_submission"();

CREATE FUNCTION "rq_refuse_change_frozen_figure"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  submission_id uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD."submissionId" ELSE NEW."submissionId" END;
BEGIN
  IF EXISTS (SELECT 1 FROM "QuarterlySubmission" s WHERE s.id = submission_id AND s."frozenAt" IS NOT NULL) THEN
    RAISE EXCEPTION 'quarterly submission % is accepted and frozen: % of its figures is not allowed', submission_id, TG_OP USING ERRCODE = 'P0001';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

CREATE TRIGGER "QuarterlyParkFigure_frozen"
  BEFORE INSERT OR UPDATE OR DELETE ON "QuarterlyParkFigure"
  FOR EACH ROW EXECUTE FUNCTION "rq_refuse_change_frozen_figure"();
