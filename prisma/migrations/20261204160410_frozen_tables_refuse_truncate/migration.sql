-- A published ranking and an accepted quarterly submission are never changed (row
-- triggers refuse UPDATE and DELETE of frozen rows), but TRUNCATE fires no row trigger:
-- it emptied a published ranking's entries at once. Refuse it on these tables, like on
-- the ledger and the audit log. (The application's database role has no TRUNCATE
-- privilege either; this holds for the tables' owner too.)
CREATE FUNCTION "rq_refuse_truncate_frozen"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'frozen records in "%": TRUNCATE is not allowed', TG_TABLE_NAME
    USING ERRCODE = 'P0001',
          HINT = 'Published rankings and accepted submissions are kept as they are; drafts are removed row by row.';
END;
$$;

CREATE TRIGGER "Ranking_no_truncate" BEFORE TRUNCATE ON "Ranking"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_refuse_truncate_frozen"();
CREATE TRIGGER "RankingEntry_no_truncate" BEFORE TRUNCATE ON "RankingEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_refuse_truncate_frozen"();
CREATE TRIGGER "QuarterlySubmission_no_truncate" BEFORE TRUNCATE ON "QuarterlySubmission"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_refuse_truncate_frozen"();
CREATE TRIGGER "QuarterlyParkFigure_no_truncate" BEFORE TRUNCATE ON "QuarterlyParkFigure"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_refuse_truncate_frozen"();
