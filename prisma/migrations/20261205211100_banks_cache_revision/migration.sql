-- The banks' standing records as a cached thing: what the bank, finance and central-bank
-- dashboards show beside the items (credit targets against accepted quarterly returns, the
-- last quarter's returns, the summons history) is kept per process under this number.
-- Those records change by a few office or bank steps a day, while the dashboards are
-- opened by every liaison every morning. Any change to one of the tables they are read
-- from raises the number: the returns and their park figures, the targets, the pairings,
-- the summons, the parks, the programs, and the organizations that are not enterprises
-- (names and the bank hierarchy; an enterprise signing up must not drop every dashboard's
-- copy, nor queue behind another sign-up on this one row).
INSERT INTO "CacheRevision" ("name", "revision") VALUES ('banks', 0);

CREATE TRIGGER "QuarterlySubmission_banks_revision"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "QuarterlySubmission"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_cache_revision_bump"('banks');
CREATE TRIGGER "QuarterlyParkFigure_banks_revision"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "QuarterlyParkFigure"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_cache_revision_bump"('banks');
CREATE TRIGGER "BankCreditTarget_banks_revision"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "BankCreditTarget"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_cache_revision_bump"('banks');
CREATE TRIGGER "ParkBankPairing_banks_revision"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ParkBankPairing"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_cache_revision_bump"('banks');
CREATE TRIGGER "Summons_banks_revision"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Summons"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_cache_revision_bump"('banks');
CREATE TRIGGER "Park_banks_revision"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Park"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_cache_revision_bump"('banks');
CREATE TRIGGER "Program_banks_revision"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Program"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_cache_revision_bump"('banks');

-- Per row, so that enterprises' rows are left out.
CREATE TRIGGER "Organization_banks_revision_write"
  AFTER INSERT OR UPDATE ON "Organization"
  FOR EACH ROW WHEN (NEW."kind" <> 'ENTERPRISE')
  EXECUTE FUNCTION "rq_cache_revision_bump"('banks');
CREATE TRIGGER "Organization_banks_revision_delete"
  AFTER DELETE ON "Organization"
  FOR EACH ROW WHEN (OLD."kind" <> 'ENTERPRISE')
  EXECUTE FUNCTION "rq_cache_revision_bump"('banks');
CREATE TRIGGER "Organization_banks_revision_truncate"
  AFTER TRUNCATE ON "Organization"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_cache_revision_bump"('banks');
