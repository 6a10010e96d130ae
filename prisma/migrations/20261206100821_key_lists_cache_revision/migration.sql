-- The key-enterprise lists' coverage as a cached thing: the bank and finance dashboards show
-- each list's coverage (read from KeyListTally) on every view, kept per process under this
-- number. The coverage is read only from the lists and their tally, so a change to either
-- raises it: creating, handing over or closing a list, and every change of the members
-- (the tally's own triggers on KeyListMember write the tally once per statement, so adding
-- a thousand members raises the number once). A contact recorded by a bank updates its
-- member's latest outcome and so the tally: the number rises with each one, a few a minute
-- across a city, which is far fewer than the views.
INSERT INTO "CacheRevision" ("name", "revision") VALUES ('keyLists', 0);

CREATE TRIGGER "KeyList_keyLists_revision"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "KeyList"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_cache_revision_bump"('keyLists');
CREATE TRIGGER "KeyListTally_keyLists_revision"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "KeyListTally"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_cache_revision_bump"('keyLists');
