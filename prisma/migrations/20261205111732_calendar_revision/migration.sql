-- CreateTable
CREATE TABLE "CalendarRevision" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "revision" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "CalendarRevision_pkey" PRIMARY KEY ("id")
);

-- The single row, and the triggers that raise its number on any change to the calendar's
-- two tables (once per statement; TRUNCATE included), so a cached calendar is known stale.
INSERT INTO "CalendarRevision" ("id", "revision") VALUES (1, 0);

CREATE FUNCTION "rq_calendar_revision_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "CalendarRevision" SET "revision" = "revision" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "CalendarDay_revision"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CalendarDay"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_calendar_revision_bump"();
CREATE TRIGGER "CalendarYear_revision"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CalendarYear"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_calendar_revision_bump"();
