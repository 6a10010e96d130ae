-- CreateEnum
CREATE TYPE "KeyListStatus" AS ENUM ('DRAFT', 'ASSIGNED', 'CLOSED');

-- CreateEnum
CREATE TYPE "KeyContactWay" AS ENUM ('VISIT', 'PHONE', 'MEETING', 'ONLINE');

-- CreateEnum
CREATE TYPE "KeyContactOutcome" AS ENUM ('CONNECTED', 'HAS_NEED', 'CREDIT_GRANTED', 'NO_NEED');

-- CreateTable
CREATE TABLE "KeyList" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "sourceTag" TEXT,
    "status" "KeyListStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "assignedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "KeyList_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KeyListMember" (
    "id" UUID NOT NULL,
    "listId" UUID NOT NULL,
    "enterpriseId" UUID NOT NULL,
    "uscc" CHAR(18) NOT NULL,
    "bankOrgId" UUID,
    "addedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastOutcome" "KeyContactOutcome",
    "lastContactedOn" DATE,
    "contactCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "KeyListMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KeyListContact" (
    "id" UUID NOT NULL,
    "listId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "bankOrgId" UUID NOT NULL,
    "contactedOn" DATE NOT NULL,
    "way" "KeyContactWay" NOT NULL,
    "outcome" "KeyContactOutcome" NOT NULL,
    "need" TEXT,
    "needAmountFen" BIGINT,
    "creditAmountFen" BIGINT,
    "note" TEXT,
    "recordedById" UUID NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KeyListContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KeyListTally" (
    "listId" UUID NOT NULL,
    "bankKey" UUID NOT NULL,
    "members" INTEGER NOT NULL DEFAULT 0,
    "connected" INTEGER NOT NULL DEFAULT 0,
    "hasNeed" INTEGER NOT NULL DEFAULT 0,
    "creditGranted" INTEGER NOT NULL DEFAULT 0,
    "noNeed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "KeyListTally_pkey" PRIMARY KEY ("listId","bankKey")
);

-- CreateIndex
CREATE INDEX "KeyList_year_createdAt_id_idx" ON "KeyList"("year" DESC, "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "KeyList_programId_name_key" ON "KeyList"("programId", "name");

-- CreateIndex
CREATE INDEX "KeyListMember_listId_uscc_id_idx" ON "KeyListMember"("listId", "uscc", "id");

-- CreateIndex
CREATE INDEX "KeyListMember_bankOrgId_listId_uscc_id_idx" ON "KeyListMember"("bankOrgId", "listId", "uscc", "id");

-- CreateIndex
CREATE UNIQUE INDEX "KeyListMember_listId_enterpriseId_key" ON "KeyListMember"("listId", "enterpriseId");

-- CreateIndex
CREATE INDEX "KeyListContact_memberId_recordedAt_idx" ON "KeyListContact"("memberId", "recordedAt");

-- AddForeignKey
ALTER TABLE "KeyList" ADD CONSTRAINT "KeyList_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeyListMember" ADD CONSTRAINT "KeyListMember_listId_fkey" FOREIGN KEY ("listId") REFERENCES "KeyList"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeyListMember" ADD CONSTRAINT "KeyListMember_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeyListMember" ADD CONSTRAINT "KeyListMember_bankOrgId_fkey" FOREIGN KEY ("bankOrgId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeyListContact" ADD CONSTRAINT "KeyListContact_listId_fkey" FOREIGN KEY ("listId") REFERENCES "KeyList"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeyListContact" ADD CONSTRAINT "KeyListContact_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "KeyListMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A contact is evidence of what a bank did for a key enterprise: never edited or deleted.
CREATE TRIGGER "KeyListContact_append_only"
  BEFORE UPDATE OR DELETE ON "KeyListContact"
  FOR EACH ROW EXECUTE FUNCTION "rq_refuse_change_append_only"();

CREATE TRIGGER "KeyListContact_no_truncate"
  BEFORE TRUNCATE ON "KeyListContact"
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_refuse_change_append_only"();

-- Coverage per list and bank (KeyListTally), kept in the statement that changes the
-- members: a list filled from a tag inserts tens of thousands of members in one statement,
-- so the triggers are per statement and fold their transition tables into one grouped
-- upsert (an update counts as its old rows out and its new rows in). Unassigned members
-- count under the nil UUID.
CREATE FUNCTION "rq_key_list_tally_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "KeyListTally" AS t ("listId", "bankKey", "members", "connected", "hasNeed", "creditGranted", "noNeed")
  SELECT "listId", COALESCE("bankOrgId", '00000000-0000-0000-0000-000000000000'::uuid),
         sum(d)::int,
         COALESCE(sum(d) FILTER (WHERE "lastOutcome" = 'CONNECTED'), 0)::int,
         COALESCE(sum(d) FILTER (WHERE "lastOutcome" = 'HAS_NEED'), 0)::int,
         COALESCE(sum(d) FILTER (WHERE "lastOutcome" = 'CREDIT_GRANTED'), 0)::int,
         COALESCE(sum(d) FILTER (WHERE "lastOutcome" = 'NO_NEED'), 0)::int
  FROM (SELECT 1 AS d, "listId", "bankOrgId", "lastOutcome" FROM key_list_new) AS delta
  GROUP BY 1, 2
  ON CONFLICT ("listId", "bankKey") DO UPDATE SET
    "members" = t."members" + EXCLUDED."members",
    "connected" = t."connected" + EXCLUDED."connected",
    "hasNeed" = t."hasNeed" + EXCLUDED."hasNeed",
    "creditGranted" = t."creditGranted" + EXCLUDED."creditGranted",
    "noNeed" = t."noNeed" + EXCLUDED."noNeed";
  RETURN NULL;
END $$;

CREATE FUNCTION "rq_key_list_tally_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "KeyListTally" AS t ("listId", "bankKey", "members", "connected", "hasNeed", "creditGranted", "noNeed")
  SELECT "listId", COALESCE("bankOrgId", '00000000-0000-0000-0000-000000000000'::uuid),
         sum(d)::int,
         COALESCE(sum(d) FILTER (WHERE "lastOutcome" = 'CONNECTED'), 0)::int,
         COALESCE(sum(d) FILTER (WHERE "lastOutcome" = 'HAS_NEED'), 0)::int,
         COALESCE(sum(d) FILTER (WHERE "lastOutcome" = 'CREDIT_GRANTED'), 0)::int,
         COALESCE(sum(d) FILTER (WHERE "lastOutcome" = 'NO_NEED'), 0)::int
  FROM (SELECT -1 AS d, "listId", "bankOrgId", "lastOutcome" FROM key_list_old) AS delta
  GROUP BY 1, 2
  ON CONFLICT ("listId", "bankKey") DO UPDATE SET
    "members" = t."members" + EXCLUDED."members",
    "connected" = t."connected" + EXCLUDED."connected",
    "hasNeed" = t."hasNeed" + EXCLUDED."hasNeed",
    "creditGranted" = t."creditGranted" + EXCLUDED."creditGranted",
    "noNeed" = t."noNeed" + EXCLUDED."noNeed";
  RETURN NULL;
END $$;

CREATE FUNCTION "rq_key_list_tally_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "KeyListTally" AS t ("listId", "bankKey", "members", "connected", "hasNeed", "creditGranted", "noNeed")
  SELECT "listId", COALESCE("bankOrgId", '00000000-0000-0000-0000-000000000000'::uuid),
         sum(d)::int,
         COALESCE(sum(d) FILTER (WHERE "lastOutcome" = 'CONNECTED'), 0)::int,
         COALESCE(sum(d) FILTER (WHERE "lastOutcome" = 'HAS_NEED'), 0)::int,
         COALESCE(sum(d) FILTER (WHERE "lastOutcome" = 'CREDIT_GRANTED'), 0)::int,
         COALESCE(sum(d) FILTER (WHERE "lastOutcome" = 'NO_NEED'), 0)::int
  FROM (SELECT 1 AS d, "listId", "bankOrgId", "lastOutcome" FROM key_list_new UNION ALL SELECT -1 AS d, "listId", "bankOrgId", "lastOutcome" FROM key_list_old) AS delta
  GROUP BY 1, 2
  ON CONFLICT ("listId", "bankKey") DO UPDATE SET
    "members" = t."members" + EXCLUDED."members",
    "connected" = t."connected" + EXCLUDED."connected",
    "hasNeed" = t."hasNeed" + EXCLUDED."hasNeed",
    "creditGranted" = t."creditGranted" + EXCLUDED."creditGranted",
    "noNeed" = t."noNeed" + EXCLUDED."noNeed";
  RETURN NULL;
END $$;

CREATE TRIGGER "KeyListMember_tally_insert"
  AFTER INSERT ON "KeyListMember" REFERENCING NEW TABLE AS key_list_new
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_key_list_tally_insert"();

CREATE TRIGGER "KeyListMember_tally_delete"
  AFTER DELETE ON "KeyListMember" REFERENCING OLD TABLE AS key_list_old
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_key_list_tally_delete"();

CREATE TRIGGER "KeyListMember_tally_update"
  AFTER UPDATE ON "KeyListMember" REFERENCING OLD TABLE AS key_list_old NEW TABLE AS key_list_new
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_key_list_tally_update"();
