-- The published rankings as a cached thing: the score trend and the annual result on the
-- bank, finance and central-bank dashboards are kept per process under this number, which
-- any change to a ranking or its entries raises (computing, reviewing and publishing all
-- write these tables; a published ranking itself never changes).
INSERT INTO "CacheRevision" ("name", "revision") VALUES ('ranking', 0);

CREATE TRIGGER "Ranking_revision"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Ranking"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_cache_revision_bump"('ranking');
CREATE TRIGGER "RankingEntry_revision"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "RankingEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_cache_revision_bump"('ranking');
