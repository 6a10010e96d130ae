-- CreateTable
CREATE TABLE "ProgramRevision" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "revision" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ProgramRevision_pkey" PRIMARY KEY ("id")
);

-- The single row, and the triggers that raise its number on any change to a program, its
-- phases or its rule versions (once per statement; TRUNCATE included), so a cached program
-- is known stale.
INSERT INTO "ProgramRevision" ("id", "revision") VALUES (1, 0);

CREATE FUNCTION "rq_program_revision_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ProgramRevision" SET "revision" = "revision" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Program_revision"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Program"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_program_revision_bump"();
CREATE TRIGGER "ProgramPhase_revision"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ProgramPhase"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_program_revision_bump"();
CREATE TRIGGER "ProgramRuleVersion_revision"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ProgramRuleVersion"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_program_revision_bump"();
