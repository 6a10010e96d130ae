-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "firstAnswerOnTime" BOOLEAN,
ADD COLUMN     "firstAnsweredAt" TIMESTAMPTZ(3),
ADD COLUMN     "firstWithdrawnAt" TIMESTAMPTZ(3),
ADD COLUMN     "lastAnswerKind" "AnswerKind",
ADD COLUMN     "lastRating" "Rating";

-- CreateTable
CREATE TABLE "RequestStatusTally" (
    "programId" UUID NOT NULL,
    "parkId" UUID NOT NULL,
    "bankKey" UUID NOT NULL,
    "status" "RequestStatus" NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "RequestStatusTally_pkey" PRIMARY KEY ("programId","parkId","bankKey","status")
);

-- CreateTable
CREATE TABLE "RequestOpenTally" (
    "bankKey" UUID NOT NULL,
    "parkId" UUID NOT NULL,
    "status" "RequestStatus" NOT NULL,
    "answered" BOOLEAN NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "dueKey" TIMESTAMPTZ(3) NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "RequestOpenTally_pkey" PRIMARY KEY ("bankKey","parkId","status","answered","passed","dueKey")
);

-- CreateTable
CREATE TABLE "RequestQuarterTally" (
    "programId" UUID NOT NULL,
    "quarterStart" DATE NOT NULL,
    "bankId" UUID NOT NULL,
    "received" INTEGER NOT NULL,
    "answered" INTEGER NOT NULL,
    "onTime" INTEGER NOT NULL,
    "financingAnswered" INTEGER NOT NULL,
    "financingGranted" INTEGER NOT NULL,
    "rated" INTEGER NOT NULL,
    "satisfied" INTEGER NOT NULL,

    CONSTRAINT "RequestQuarterTally_pkey" PRIMARY KEY ("programId","quarterStart","bankId")
);

-- CreateTable
CREATE TABLE "RequestOwedTally" (
    "programId" UUID NOT NULL,
    "quarterStart" DATE NOT NULL,
    "bankId" UUID NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "RequestOwedTally_pkey" PRIMARY KEY ("programId","quarterStart","bankId","dueAt")
);

-- CreateIndex
CREATE INDEX "RequestStatusTally_parkId_status_idx" ON "RequestStatusTally"("parkId", "status");

-- CreateIndex
CREATE INDEX "RequestOpenTally_dueKey_idx" ON "RequestOpenTally"("dueKey");

-- CreateIndex
CREATE INDEX "Request_status_returnDisputedAt_idx" ON "Request"("status", "returnDisputedAt");

-- CreateIndex
CREATE INDEX "Request_status_withdrawnAfterAnswer_withdrawalCheckedAt_idx" ON "Request"("status", "withdrawnAfterAnswer", "withdrawalCheckedAt");

-- CreateIndex
CREATE INDEX "LedgerEntry_action_occurredAt_idx" ON "LedgerEntry"("action", "occurredAt");

-- ---------------------------------------------------------------------------------------
-- The ledger facts on "Request", from every inserted ledger entry (one statement-level
-- trigger, so a bulk insert costs one UPDATE). The ledger is append-only, so "first"
-- keeps the earliest value and "last" takes the newest entry of the batch.
CREATE FUNCTION "rq_request_ledger_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Request" r SET
    "firstAnsweredAt"   = LEAST(r."firstAnsweredAt", x.first_answer_at),
    "firstAnswerOnTime" = CASE WHEN r."firstAnsweredAt" IS NULL OR x.first_answer_at < r."firstAnsweredAt"
                               THEN x.first_on_time ELSE r."firstAnswerOnTime" END,
    "lastAnswerKind"    = coalesce(x.last_kind, r."lastAnswerKind"),
    "lastRating"        = coalesce(x.last_rating, r."lastRating"),
    "firstWithdrawnAt"  = LEAST(r."firstWithdrawnAt", x.first_withdrawn_at)
  FROM (
    SELECT n."requestId",
           min(n."occurredAt") FILTER (WHERE n.action = 'ANSWER') AS first_answer_at,
           ((array_agg(n.content->>'onTime' ORDER BY n.seq) FILTER (WHERE n.action = 'ANSWER'))[1])::boolean AS first_on_time,
           ((array_agg(n.content->>'answerKind' ORDER BY n.seq DESC) FILTER (WHERE n.action = 'ANSWER'))[1])::"AnswerKind" AS last_kind,
           ((array_agg(n.content->>'rating' ORDER BY n.seq DESC) FILTER (WHERE n.action = 'RATE'))[1])::"Rating" AS last_rating,
           min(n."occurredAt") FILTER (WHERE n.action = 'WITHDRAW') AS first_withdrawn_at
      FROM new_entries n
     WHERE n.action IN ('ANSWER', 'RATE', 'WITHDRAW')
     GROUP BY n."requestId"
  ) x
  WHERE r.id = x."requestId";
  RETURN NULL;
END $$;

CREATE TRIGGER "LedgerEntry_request_facts"
  AFTER INSERT ON "LedgerEntry" REFERENCING NEW TABLE AS new_entries
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_request_ledger_facts"();

-- ---------------------------------------------------------------------------------------
-- The tallies: each "Request" row counts +1 in the rows its values select; a change moves
-- it (old row -1, new row +1), summed per statement so a bulk change writes each tally row
-- once, in key order (a steady lock order between concurrent transactions).
-- This function is the one definition of what each tally counts; the rebuild uses it too.
CREATE FUNCTION "rq_apply_request_tallies"(olds "Request"[], news "Request"[]) RETURNS void LANGUAGE sql AS $$
  WITH d AS (
    SELECT -1 AS s, o.* FROM unnest(olds) o
    UNION ALL
    SELECT 1 AS s, n.* FROM unnest(news) n
  ),
  status_rows AS (
    INSERT INTO "RequestStatusTally" AS t ("programId", "parkId", "bankKey", status, n)
    SELECT "programId", "parkId", coalesce("assignedBankId", '00000000-0000-0000-0000-000000000000'::uuid), status, sum(s)
      FROM d GROUP BY 1, 2, 3, 4 HAVING sum(s) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("programId", "parkId", "bankKey", status) DO UPDATE SET n = t.n + EXCLUDED.n
    RETURNING 1
  ),
  open_rows AS (
    INSERT INTO "RequestOpenTally" AS t ("bankKey", "parkId", status, answered, passed, "dueKey", n)
    SELECT coalesce("assignedBankId", '00000000-0000-0000-0000-000000000000'::uuid), "parkId", status,
           "answeredAt" IS NOT NULL, coalesce("escalationReason" = 'PASSED', false), coalesce("dueAt", 'infinity'::timestamptz), sum(s)
      FROM d WHERE status IN ('FORWARDED', 'SIGNED', 'ESCALATED')
     GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(s) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ("bankKey", "parkId", status, answered, passed, "dueKey") DO UPDATE SET n = t.n + EXCLUDED.n
    RETURNING 1
  ),
  quarter_items AS (
    SELECT s, "programId", (date_trunc('quarter', "forwardedAt" AT TIME ZONE 'Asia/Shanghai'))::date AS quarter_start,
           "assignedBankId" AS bank_id, "dueAt", type,
           "firstAnsweredAt", "firstAnswerOnTime", "lastAnswerKind", "lastRating", "firstWithdrawnAt"
      FROM d WHERE "assignedBankId" IS NOT NULL AND "forwardedAt" IS NOT NULL
  ),
  quarter_rows AS (
    INSERT INTO "RequestQuarterTally" AS t
      ("programId", "quarterStart", "bankId", received, answered, "onTime", "financingAnswered", "financingGranted", rated, satisfied)
    SELECT * FROM (
      SELECT "programId", quarter_start, bank_id,
             sum(s) AS received,
             coalesce(sum(s) FILTER (WHERE "firstAnsweredAt" IS NOT NULL), 0) AS answered,
             coalesce(sum(s) FILTER (WHERE "firstAnsweredAt" IS NOT NULL AND coalesce("firstAnswerOnTime", "firstAnsweredAt" <= "dueAt", false)), 0) AS on_time,
             coalesce(sum(s) FILTER (WHERE type = 'FINANCING' AND "lastAnswerKind" IS NOT NULL), 0) AS financing_answered,
             coalesce(sum(s) FILTER (WHERE type = 'FINANCING' AND "lastAnswerKind" = 'GRANTED'), 0) AS financing_granted,
             coalesce(sum(s) FILTER (WHERE "lastRating" IS NOT NULL), 0) AS rated,
             coalesce(sum(s) FILTER (WHERE "lastRating" IN ('SATISFIED', 'BASICALLY_SATISFIED')), 0) AS satisfied
        FROM quarter_items GROUP BY 1, 2, 3
    ) g
    WHERE (received, answered, on_time, financing_answered, financing_granted, rated, satisfied) <> (0, 0, 0, 0, 0, 0, 0)
    ORDER BY 1, 2, 3
    ON CONFLICT ("programId", "quarterStart", "bankId") DO UPDATE SET
      received = t.received + EXCLUDED.received,
      answered = t.answered + EXCLUDED.answered,
      "onTime" = t."onTime" + EXCLUDED."onTime",
      "financingAnswered" = t."financingAnswered" + EXCLUDED."financingAnswered",
      "financingGranted" = t."financingGranted" + EXCLUDED."financingGranted",
      rated = t.rated + EXCLUDED.rated,
      satisfied = t.satisfied + EXCLUDED.satisfied
    RETURNING 1
  ),
  owed_rows AS (
    INSERT INTO "RequestOwedTally" AS t ("programId", "quarterStart", "bankId", "dueAt", n)
    SELECT "programId", quarter_start, bank_id, "dueAt", sum(s)
      FROM quarter_items
     WHERE "firstAnsweredAt" IS NULL AND "dueAt" IS NOT NULL
       AND NOT coalesce("firstWithdrawnAt" <= "dueAt", false)
     GROUP BY 1, 2, 3, 4 HAVING sum(s) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("programId", "quarterStart", "bankId", "dueAt") DO UPDATE SET n = t.n + EXCLUDED.n
    RETURNING 1
  )
  SELECT FROM status_rows, open_rows, quarter_rows, owed_rows LIMIT 0;
$$;

CREATE FUNCTION "rq_request_tallies_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "rq_apply_request_tallies"('{}'::"Request"[], ARRAY(SELECT n::"Request" FROM new_requests n));
  RETURN NULL;
END $$;

CREATE FUNCTION "rq_request_tallies_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "rq_apply_request_tallies"(ARRAY(SELECT o::"Request" FROM old_requests o), ARRAY(SELECT n::"Request" FROM new_requests n));
  RETURN NULL;
END $$;

CREATE FUNCTION "rq_request_tallies_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "rq_apply_request_tallies"(ARRAY(SELECT o::"Request" FROM old_requests o), '{}'::"Request"[]);
  RETURN NULL;
END $$;

CREATE TRIGGER "Request_tallies_insert"
  AFTER INSERT ON "Request" REFERENCING NEW TABLE AS new_requests
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_request_tallies_insert"();
CREATE TRIGGER "Request_tallies_update"
  AFTER UPDATE ON "Request" REFERENCING OLD TABLE AS old_requests NEW TABLE AS new_requests
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_request_tallies_update"();
CREATE TRIGGER "Request_tallies_delete"
  AFTER DELETE ON "Request" REFERENCING OLD TABLE AS old_requests
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_request_tallies_delete"();
-- TRUNCATE "Request" cannot happen while the ledger references it; the rebuild covers it.

-- ---------------------------------------------------------------------------------------
-- Rebuild every read model from the raw rows: the ledger facts on "Request" (only rows
-- whose facts differ are written), then each tally from scratch. Returns the number of
-- items whose facts were wrong. Used by `npm run db:rebuild-read-models` and below.
CREATE FUNCTION "rq_rebuild_read_models"() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE fixed integer;
BEGIN
  UPDATE "Request" r SET
    "firstAnsweredAt" = x.first_answer_at, "firstAnswerOnTime" = x.first_on_time, "lastAnswerKind" = x.last_kind,
    "lastRating" = x.last_rating, "firstWithdrawnAt" = x.first_withdrawn_at
  FROM (
    SELECT q.id,
           min(e."occurredAt") FILTER (WHERE e.action = 'ANSWER') AS first_answer_at,
           ((array_agg(e.content->>'onTime' ORDER BY e.seq) FILTER (WHERE e.action = 'ANSWER'))[1])::boolean AS first_on_time,
           ((array_agg(e.content->>'answerKind' ORDER BY e.seq DESC) FILTER (WHERE e.action = 'ANSWER'))[1])::"AnswerKind" AS last_kind,
           ((array_agg(e.content->>'rating' ORDER BY e.seq DESC) FILTER (WHERE e.action = 'RATE'))[1])::"Rating" AS last_rating,
           min(e."occurredAt") FILTER (WHERE e.action = 'WITHDRAW') AS first_withdrawn_at
      FROM "Request" q LEFT JOIN "LedgerEntry" e ON e."requestId" = q.id AND e.action IN ('ANSWER', 'RATE', 'WITHDRAW')
     GROUP BY q.id
  ) x
  WHERE r.id = x.id
    AND (r."firstAnsweredAt", r."firstAnswerOnTime", r."lastAnswerKind", r."lastRating", r."firstWithdrawnAt")
        IS DISTINCT FROM (x.first_answer_at, x.first_on_time, x.last_kind, x.last_rating, x.first_withdrawn_at);
  GET DIAGNOSTICS fixed = ROW_COUNT;
  LOCK TABLE "RequestStatusTally", "RequestOpenTally", "RequestQuarterTally", "RequestOwedTally" IN EXCLUSIVE MODE;
  DELETE FROM "RequestStatusTally";
  DELETE FROM "RequestOpenTally";
  DELETE FROM "RequestQuarterTally";
  DELETE FROM "RequestOwedTally";
  PERFORM "rq_apply_request_tallies"('{}'::"Request"[], ARRAY(SELECT r FROM "Request" r));
  RETURN fixed;
END $$;

SELECT "rq_rebuild_read_models"();
