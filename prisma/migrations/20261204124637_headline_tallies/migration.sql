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

-- The request tallies gain the year of submission (same function, one more tally).
CREATE OR REPLACE FUNCTION "rq_apply_request_tallies"(olds "Request"[], news "Request"[]) RETURNS void LANGUAGE sql AS $$
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
  ),
  year_rows AS (
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
      submitted = t.submitted + EXCLUDED.submitted, rated = t.rated + EXCLUDED.rated, satisfied = t.satisfied + EXCLUDED.satisfied
    RETURNING 1
  )
  SELECT FROM status_rows, open_rows, quarter_rows, owed_rows, year_rows LIMIT 0;
$$;

-- Rebuild: the request tallies (the function above now fills the year tally too).
CREATE OR REPLACE FUNCTION "rq_rebuild_read_models"() RETURNS integer LANGUAGE plpgsql AS $$
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
  RETURN fixed;
END $$;

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

-- The enterprise and loan tallies are rebuilt with the others.
CREATE OR REPLACE FUNCTION "rq_rebuild_enterprise_tally"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "EnterpriseTally", "LoanYearTally" IN EXCLUSIVE MODE;
  DELETE FROM "EnterpriseTally";
  PERFORM "rq_apply_enterprise_tally"('[]', (SELECT "rq_enterprise_tally_rows"(coalesce(jsonb_agg(to_jsonb(e)), '[]')) FROM "Enterprise" e));
  DELETE FROM "LoanYearTally";
  PERFORM "rq_apply_loan_tally"('{}'::"LoanOutcome"[], ARRAY(SELECT l FROM "LoanOutcome" l));
END $$;

SELECT "rq_rebuild_read_models"();
SELECT "rq_rebuild_enterprise_tally"();
