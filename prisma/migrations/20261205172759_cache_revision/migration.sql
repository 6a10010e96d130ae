-- CreateTable
CREATE TABLE "CacheRevision" (
    "name" TEXT NOT NULL,
    "revision" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "CacheRevision_pkey" PRIMARY KEY ("name")
);

-- One row per cached thing, carrying on from the numbers it had before (a server keeping
-- what it built for a number must never see that number again after a change).
INSERT INTO "CacheRevision" ("name", "revision")
SELECT 'calendar', coalesce((SELECT "revision" FROM "CalendarRevision" WHERE "id" = 1), 0)
UNION ALL
SELECT 'program', coalesce((SELECT "revision" FROM "ProgramRevision" WHERE "id" = 1), 0);

-- One trigger function for every cached thing: the row to raise is the trigger's argument.
-- Once per statement, TRUNCATE included, so a cached copy is known stale.
CREATE FUNCTION "rq_cache_revision_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "CacheRevision" SET "revision" = "revision" + 1 WHERE "name" = TG_ARGV[0];
  RETURN NULL;
END;
$$;

DROP TRIGGER "CalendarDay_revision" ON "CalendarDay";
DROP TRIGGER "CalendarYear_revision" ON "CalendarYear";
DROP TRIGGER "Program_revision" ON "Program";
DROP TRIGGER "ProgramPhase_revision" ON "ProgramPhase";
DROP TRIGGER "ProgramRuleVersion_revision" ON "ProgramRuleVersion";
DROP FUNCTION "rq_calendar_revision_bump"();
DROP FUNCTION "rq_program_revision_bump"();

CREATE TRIGGER "CalendarDay_revision"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CalendarDay"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_cache_revision_bump"('calendar');
CREATE TRIGGER "CalendarYear_revision"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CalendarYear"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_cache_revision_bump"('calendar');
CREATE TRIGGER "Program_revision"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Program"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_cache_revision_bump"('program');
CREATE TRIGGER "ProgramPhase_revision"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ProgramPhase"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_cache_revision_bump"('program');
CREATE TRIGGER "ProgramRuleVersion_revision"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ProgramRuleVersion"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_cache_revision_bump"('program');

-- DropTable
DROP TABLE "CalendarRevision";

-- DropTable
DROP TABLE "ProgramRevision";
