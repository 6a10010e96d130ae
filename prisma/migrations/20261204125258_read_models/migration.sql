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

-- CreateTable
CREATE TABLE "EnterpriseTally" (
    "parkId" UUID NOT NULL,
    "supportClass" TEXT NOT NULL,
    "registrationStatus" "RegistrationStatus" NOT NULL,
    "active" BOOLEAN NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "EnterpriseTally_pkey" PRIMARY KEY ("parkId","supportClass","registrationStatus","active")
);

-- CreateTable
CREATE TABLE "RequestYearTally" (
    "year" INTEGER NOT NULL,
    "submitted" INTEGER NOT NULL,
    "rated" INTEGER NOT NULL,
    "satisfied" INTEGER NOT NULL,

    CONSTRAINT "RequestYearTally_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "LoanYearTally" (
    "year" INTEGER NOT NULL,
    "granted" INTEGER NOT NULL,
    "amountFen" BIGINT NOT NULL,

    CONSTRAINT "LoanYearTally_pkey" PRIMARY KEY ("year")
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
CREATE FUNCTION "rq_apply_request_tallies"(olds "Request"[], news "Request"[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- One statement per tally, always in this order (state, open, quarter, owed, year): a
  -- step's later statement (its ledger entry's facts) reaches the quarter and owed rows
  -- after its first reached the state and open rows, so concurrent steps lock rows in
  -- one order and wait for one another instead of deadlocking. (The order in which
  -- PostgreSQL runs data-modifying CTEs of one statement is unspecified: not used here.)
  WITH d AS (SELECT -1 AS s, o.* FROM unnest(olds) o UNION ALL SELECT 1 AS s, n.* FROM unnest(news) n)
    INSERT INTO "RequestStatusTally" AS t ("programId", "parkId", "bankKey", status, n)
    SELECT "programId", "parkId", coalesce("assignedBankId", '00000000-0000-0000-0000-000000000000'::uuid), status, sum(s)
      FROM d GROUP BY 1, 2, 3, 4 HAVING sum(s) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("programId", "parkId", "bankKey", status) DO UPDATE SET n = t.n + EXCLUDED.n;

  WITH d AS (SELECT -1 AS s, o.* FROM unnest(olds) o UNION ALL SELECT 1 AS s, n.* FROM unnest(news) n)
    INSERT INTO "RequestOpenTally" AS t ("bankKey", "parkId", status, answered, passed, "dueKey", n)
    SELECT coalesce("assignedBankId", '00000000-0000-0000-0000-000000000000'::uuid), "parkId", status,
           "answeredAt" IS NOT NULL, coalesce("escalationReason" = 'PASSED', false), coalesce("dueAt", 'infinity'::timestamptz), sum(s)
      FROM d WHERE status IN ('FORWARDED', 'SIGNED', 'ESCALATED')
     GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(s) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ("bankKey", "parkId", status, answered, passed, "dueKey") DO UPDATE SET n = t.n + EXCLUDED.n;

  WITH d AS (SELECT -1 AS s, o.* FROM unnest(olds) o UNION ALL SELECT 1 AS s, n.* FROM unnest(news) n),
  quarter_items AS (
    SELECT s, "programId", (date_trunc('quarter', "forwardedAt" AT TIME ZONE 'Asia/Shanghai'))::date AS quarter_start,
           "assignedBankId" AS bank_id, "dueAt", type,
           "firstAnsweredAt", "firstAnswerOnTime", "lastAnswerKind", "lastRating", "firstWithdrawnAt"
      FROM d WHERE "assignedBankId" IS NOT NULL AND "forwardedAt" IS NOT NULL
  )
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
      satisfied = t.satisfied + EXCLUDED.satisfied;

  WITH d AS (SELECT -1 AS s, o.* FROM unnest(olds) o UNION ALL SELECT 1 AS s, n.* FROM unnest(news) n),
  quarter_items AS (
    SELECT s, "programId", (date_trunc('quarter', "forwardedAt" AT TIME ZONE 'Asia/Shanghai'))::date AS quarter_start,
           "assignedBankId" AS bank_id, "dueAt", type,
           "firstAnsweredAt", "firstAnswerOnTime", "lastAnswerKind", "lastRating", "firstWithdrawnAt"
      FROM d WHERE "assignedBankId" IS NOT NULL AND "forwardedAt" IS NOT NULL
  )
    INSERT INTO "RequestOwedTally" AS t ("programId", "quarterStart", "bankId", "dueAt", n)
    SELECT "programId", quarter_start, bank_id, "dueAt", sum(s)
      FROM quarter_items
     WHERE "firstAnsweredAt" IS NULL AND "dueAt" IS NOT NULL
       AND NOT coalesce("firstWithdrawnAt" <= "dueAt", false)
     GROUP BY 1, 2, 3, 4 HAVING sum(s) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("programId", "quarterStart", "bankId", "dueAt") DO UPDATE SET n = t.n + EXCLUDED.n;

  WITH d AS (SELECT -1 AS s, o.* FROM unnest(olds) o UNION ALL SELECT 1 AS s, n.* FROM unnest(news) n)
    INSERT INTO "RequestYearTally" AS t (year, submitted, rated, satisfied)
    SELECT * FROM (
      SELECT extract(year FROM "submittedAt" AT TIME ZONE 'Asia/Shanghai')::int AS year, sum(s) AS submitted,
             coalesce(sum(s) FILTER (WHERE rating IS NOT NULL), 0) AS rated,
             coalesce(sum(s) FILTER (WHERE rating IN ('SATISFIED', 'BASICALLY_SATISFIED')), 0) AS satisfied
        FROM d WHERE "submittedAt" IS NOT NULL GROUP BY 1
    ) g
    WHERE (submitted, rated, satisfied) <> (0, 0, 0)
    ORDER BY 1
    ON CONFLICT (year) DO UPDATE SET
      submitted = t.submitted + EXCLUDED.submitted, rated = t.rated + EXCLUDED.rated, satisfied = t.satisfied + EXCLUDED.satisfied;
END $$;


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
-- Kept like the request tallies (docs/decisions/005-read-models.md): from "Enterprise"
-- rows, and from "Organization" when an enterprise's organization is (de)activated.
CREATE FUNCTION "rq_apply_enterprise_tally"(olds jsonb, news jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "EnterpriseTally" AS t ("parkId", "supportClass", "registrationStatus", active, n)
  SELECT park_id, support_class, registration_status::"RegistrationStatus", active, sum(s)
    FROM (
      SELECT -1 AS s, (x->>'parkId')::uuid AS park_id, coalesce(x->>'supportClass', 'NONE') AS support_class,
             x->>'registrationStatus' AS registration_status, (x->>'active')::boolean AS active
        FROM jsonb_array_elements(olds) x
      UNION ALL
      SELECT 1, (x->>'parkId')::uuid, coalesce(x->>'supportClass', 'NONE'), x->>'registrationStatus', (x->>'active')::boolean
        FROM jsonb_array_elements(news) x
    ) d
   GROUP BY 1, 2, 3, 4 HAVING sum(s) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT ("parkId", "supportClass", "registrationStatus", active) DO UPDATE SET n = t.n + EXCLUDED.n;
$$;

CREATE FUNCTION "rq_enterprise_tally_rows"(rows jsonb) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT coalesce(jsonb_agg(jsonb_build_object('parkId', e->>'parkId', 'supportClass', e->>'supportClass',
                                               'registrationStatus', e->>'registrationStatus', 'active', o.active)), '[]'::jsonb)
    FROM jsonb_array_elements(rows) e JOIN "Organization" o ON o.id = (e->>'orgId')::uuid;
$$;

CREATE FUNCTION "rq_enterprise_tally_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE olds jsonb := '[]'; news jsonb := '[]';
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT coalesce(jsonb_agg(to_jsonb(o)), '[]') INTO olds FROM old_enterprises o;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    SELECT coalesce(jsonb_agg(to_jsonb(n)), '[]') INTO news FROM new_enterprises n;
  END IF;
  PERFORM "rq_apply_enterprise_tally"("rq_enterprise_tally_rows"(olds), "rq_enterprise_tally_rows"(news));
  RETURN NULL;
END $$;

CREATE TRIGGER "Enterprise_tally_insert" AFTER INSERT ON "Enterprise" REFERENCING NEW TABLE AS new_enterprises
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_enterprise_tally_trigger"();
CREATE TRIGGER "Enterprise_tally_update" AFTER UPDATE ON "Enterprise" REFERENCING OLD TABLE AS old_enterprises NEW TABLE AS new_enterprises
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_enterprise_tally_trigger"();
CREATE TRIGGER "Enterprise_tally_delete" AFTER DELETE ON "Enterprise" REFERENCING OLD TABLE AS old_enterprises
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_enterprise_tally_trigger"();

-- An organization's active flag moves its enterprise from one row to another.
CREATE FUNCTION "rq_enterprise_tally_org_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "rq_apply_enterprise_tally"(
    (SELECT coalesce(jsonb_agg(jsonb_build_object('parkId', e."parkId", 'supportClass', e."supportClass",
                                                  'registrationStatus', e."registrationStatus", 'active', o.active)), '[]')
       FROM old_orgs o JOIN new_orgs n ON n.id = o.id JOIN "Enterprise" e ON e."orgId" = o.id
      WHERE o.active IS DISTINCT FROM n.active),
    (SELECT coalesce(jsonb_agg(jsonb_build_object('parkId', e."parkId", 'supportClass', e."supportClass",
                                                  'registrationStatus', e."registrationStatus", 'active', n.active)), '[]')
       FROM old_orgs o JOIN new_orgs n ON n.id = o.id JOIN "Enterprise" e ON e."orgId" = n.id
      WHERE o.active IS DISTINCT FROM n.active));
  RETURN NULL;
END $$;

CREATE TRIGGER "Organization_enterprise_tally" AFTER UPDATE ON "Organization" REFERENCING OLD TABLE AS old_orgs NEW TABLE AS new_orgs
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_enterprise_tally_org_trigger"();


-- ---------------------------------------------------------------------------------------
-- Loans by year, from every change of "LoanOutcome".
CREATE FUNCTION "rq_apply_loan_tally"(olds "LoanOutcome"[], news "LoanOutcome"[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "LoanYearTally" AS t (year, granted, "amountFen")
  SELECT * FROM (
    SELECT extract(year FROM coalesce(l."grantedOn", (l."createdAt" AT TIME ZONE 'Asia/Shanghai')::date))::int AS year,
           sum(l.s) AS granted, sum(l.s * l."amountFen") AS amount
      FROM (SELECT -1 AS s, o.* FROM unnest(olds) o UNION ALL SELECT 1 AS s, n.* FROM unnest(news) n) l
     GROUP BY 1
  ) g
  WHERE (granted, amount) <> (0, 0)
  ORDER BY 1
  ON CONFLICT (year) DO UPDATE SET granted = t.granted + EXCLUDED.granted, "amountFen" = t."amountFen" + EXCLUDED."amountFen";
$$;

CREATE FUNCTION "rq_loan_tally_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "rq_apply_loan_tally"('{}'::"LoanOutcome"[], ARRAY(SELECT n::"LoanOutcome" FROM new_loans n));
  RETURN NULL;
END $$;
CREATE FUNCTION "rq_loan_tally_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "rq_apply_loan_tally"(ARRAY(SELECT o::"LoanOutcome" FROM old_loans o), ARRAY(SELECT n::"LoanOutcome" FROM new_loans n));
  RETURN NULL;
END $$;
CREATE FUNCTION "rq_loan_tally_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "rq_apply_loan_tally"(ARRAY(SELECT o::"LoanOutcome" FROM old_loans o), '{}'::"LoanOutcome"[]);
  RETURN NULL;
END $$;

CREATE TRIGGER "LoanOutcome_tally_insert" AFTER INSERT ON "LoanOutcome" REFERENCING NEW TABLE AS new_loans
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_loan_tally_insert"();
CREATE TRIGGER "LoanOutcome_tally_update" AFTER UPDATE ON "LoanOutcome" REFERENCING OLD TABLE AS old_loans NEW TABLE AS new_loans
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_loan_tally_update"();
CREATE TRIGGER "LoanOutcome_tally_delete" AFTER DELETE ON "LoanOutcome" REFERENCING OLD TABLE AS old_loans
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_loan_tally_delete"();

-- ---------------------------------------------------------------------------------------
-- Rebuild every read model from the raw rows: the ledger facts on "Request" (only rows
-- whose facts differ are written), then each tally from scratch with the same functions
-- the triggers use. Returns the number of items whose facts were wrong. Used by
-- `npm run db:rebuild-read-models` and below.
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
  LOCK TABLE "RequestStatusTally", "RequestOpenTally", "RequestQuarterTally", "RequestOwedTally", "RequestYearTally" IN EXCLUSIVE MODE;
  DELETE FROM "RequestStatusTally";
  DELETE FROM "RequestOpenTally";
  DELETE FROM "RequestQuarterTally";
  DELETE FROM "RequestOwedTally";
  DELETE FROM "RequestYearTally";
  PERFORM "rq_apply_request_tallies"('{}'::"Request"[], ARRAY(SELECT r FROM "Request" r));
  LOCK TABLE "EnterpriseTally", "LoanYearTally" IN EXCLUSIVE MODE;
  DELETE FROM "EnterpriseTally";
  PERFORM "rq_apply_enterprise_tally"('[]', (SELECT "rq_enterprise_tally_rows"(coalesce(jsonb_agg(to_jsonb(e)), '[]')) FROM "Enterprise" e));
  DELETE FROM "LoanYearTally";
  PERFORM "rq_apply_loan_tally"('{}'::"LoanOutcome"[], ARRAY(SELECT l FROM "LoanOutcome" l));
  RETURN fixed;
END $$;


SELECT "rq_rebuild_read_models"();
