-- CreateTable
CREATE TABLE "QuestionnaireTally" (
    "questionnaireId" UUID NOT NULL,
    "bankKey" UUID NOT NULL,
    "responses" INTEGER NOT NULL DEFAULT 0,
    "rated" INTEGER NOT NULL DEFAULT 0,
    "satisfied" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "QuestionnaireTally_pkey" PRIMARY KEY ("questionnaireId","bankKey")
);

-- ---------------------------------------------------------------------------------------
-- Responses per questionnaire and bank (docs/decisions/005-read-models.md): a city-wide
-- questionnaire gathers ~100,000 answers, so its page and the offices' list read these
-- rows instead of grouping the responses on every view. Answers are append-only, so only
-- an INSERT changes the tally; the function still takes old and new rows, as the other
-- tallies' do, so the rebuild uses the same one definition.
CREATE FUNCTION "rq_apply_questionnaire_tally"(olds "QuestionnaireResponse"[], news "QuestionnaireResponse"[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "QuestionnaireTally" AS t ("questionnaireId", "bankKey", responses, rated, satisfied)
  SELECT "questionnaireId", coalesce("bankOrgId", '00000000-0000-0000-0000-000000000000'::uuid),
         sum(d)::int, sum(d * rated)::int, sum(d * satisfied)::int
    FROM (SELECT -1 AS d, o.* FROM unnest(olds) o UNION ALL SELECT 1 AS d, n.* FROM unnest(news) n) delta
   GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT ("questionnaireId", "bankKey") DO UPDATE SET
    responses = t.responses + EXCLUDED.responses,
    rated = t.rated + EXCLUDED.rated,
    satisfied = t.satisfied + EXCLUDED.satisfied;
$$;

CREATE FUNCTION "rq_questionnaire_tally_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "rq_apply_questionnaire_tally"('{}'::"QuestionnaireResponse"[], ARRAY(SELECT n::"QuestionnaireResponse" FROM new_responses n));
  RETURN NULL;
END $$;

CREATE TRIGGER "QuestionnaireResponse_tally_insert"
  AFTER INSERT ON "QuestionnaireResponse" REFERENCING NEW TABLE AS new_responses
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_questionnaire_tally_insert"();

-- ---------------------------------------------------------------------------------------
-- Key-list coverage: one definition of what a member adds to its list's and bank's row,
-- shared by the three statement triggers (replaced in place; the triggers stay) and the
-- rebuild. Grouped upserts in key order, as the request tallies do.
CREATE FUNCTION "rq_apply_key_list_tally"(olds "KeyListMember"[], news "KeyListMember"[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "KeyListTally" AS t ("listId", "bankKey", "members", "connected", "hasNeed", "creditGranted", "noNeed")
  SELECT "listId", coalesce("bankOrgId", '00000000-0000-0000-0000-000000000000'::uuid),
         sum(d)::int,
         coalesce(sum(d) FILTER (WHERE "lastOutcome" = 'CONNECTED'), 0)::int,
         coalesce(sum(d) FILTER (WHERE "lastOutcome" = 'HAS_NEED'), 0)::int,
         coalesce(sum(d) FILTER (WHERE "lastOutcome" = 'CREDIT_GRANTED'), 0)::int,
         coalesce(sum(d) FILTER (WHERE "lastOutcome" = 'NO_NEED'), 0)::int
    FROM (SELECT -1 AS d, o.* FROM unnest(olds) o UNION ALL SELECT 1 AS d, n.* FROM unnest(news) n) delta
   GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT ("listId", "bankKey") DO UPDATE SET
    "members" = t."members" + EXCLUDED."members",
    "connected" = t."connected" + EXCLUDED."connected",
    "hasNeed" = t."hasNeed" + EXCLUDED."hasNeed",
    "creditGranted" = t."creditGranted" + EXCLUDED."creditGranted",
    "noNeed" = t."noNeed" + EXCLUDED."noNeed";
$$;

CREATE OR REPLACE FUNCTION "rq_key_list_tally_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "rq_apply_key_list_tally"('{}'::"KeyListMember"[], ARRAY(SELECT n::"KeyListMember" FROM key_list_new n));
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "rq_key_list_tally_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "rq_apply_key_list_tally"(ARRAY(SELECT o::"KeyListMember" FROM key_list_old o), '{}'::"KeyListMember"[]);
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "rq_key_list_tally_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "rq_apply_key_list_tally"(ARRAY(SELECT o::"KeyListMember" FROM key_list_old o), ARRAY(SELECT n::"KeyListMember" FROM key_list_new n));
  RETURN NULL;
END $$;

-- ---------------------------------------------------------------------------------------
-- The rebuild now also recomputes the key-list coverage and the questionnaire tallies.
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
  LOCK TABLE "EnterpriseTally", "LoanYearTally", "KeyListTally", "QuestionnaireTally" IN EXCLUSIVE MODE;
  DELETE FROM "EnterpriseTally";
  PERFORM "rq_apply_enterprise_tally"('[]', (SELECT "rq_enterprise_tally_rows"(coalesce(jsonb_agg(to_jsonb(e)), '[]')) FROM "Enterprise" e));
  DELETE FROM "LoanYearTally";
  PERFORM "rq_apply_loan_tally"('{}'::"LoanOutcome"[], ARRAY(SELECT l FROM "LoanOutcome" l));
  DELETE FROM "KeyListTally";
  PERFORM "rq_apply_key_list_tally"('{}'::"KeyListMember"[], ARRAY(SELECT m FROM "KeyListMember" m));
  DELETE FROM "QuestionnaireTally";
  PERFORM "rq_apply_questionnaire_tally"('{}'::"QuestionnaireResponse"[], ARRAY(SELECT r FROM "QuestionnaireResponse" r));
  RETURN fixed;
END $$;

SELECT "rq_rebuild_read_models"();
