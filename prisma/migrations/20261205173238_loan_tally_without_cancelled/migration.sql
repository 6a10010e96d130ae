-- A cancelled loan counts nowhere, the portal's yearly loan headline (LoanYearTally)
-- included (docs/decisions/029-loans-outside-requests.md): the cancellation takes the loan
-- out of its year in the cancelling transaction, and a change to a cancelled loan's row
-- moves nothing.

-- What the given loan rows add to (or, old rows, take from) their years: no filter, the one
-- definition of a loan's place in the tally.
CREATE FUNCTION "rq_apply_loan_tally_rows"(olds "LoanOutcome"[], news "LoanOutcome"[]) RETURNS void LANGUAGE sql AS $$
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

-- The LoanOutcome triggers and the rebuild: loans without a cancellation only. A loan's
-- cancellation is final (append-only), so a cancelled loan's old and new rows are both
-- left out of any later change.
CREATE OR REPLACE FUNCTION "rq_apply_loan_tally"(olds "LoanOutcome"[], news "LoanOutcome"[]) RETURNS void LANGUAGE sql AS $$
  SELECT "rq_apply_loan_tally_rows"(
    ARRAY(SELECT o FROM unnest(olds) o WHERE NOT EXISTS (SELECT 1 FROM "LoanCancellation" c WHERE c."loanId" = o.id)),
    ARRAY(SELECT n FROM unnest(news) n WHERE NOT EXISTS (SELECT 1 FROM "LoanCancellation" c WHERE c."loanId" = n.id)));
$$;

CREATE FUNCTION "rq_loan_cancellation_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "rq_apply_loan_tally_rows"(
    ARRAY(SELECT l FROM "LoanOutcome" l JOIN new_cancellations c ON c."loanId" = l.id),
    '{}'::"LoanOutcome"[]);
  RETURN NULL;
END $$;

CREATE TRIGGER "LoanCancellation_tally_insert"
  AFTER INSERT ON "LoanCancellation" REFERENCING NEW TABLE AS new_cancellations
  FOR EACH STATEMENT EXECUTE FUNCTION "rq_loan_cancellation_tally"();

-- Loans cancelled before this migration leave their years now.
SELECT "rq_rebuild_read_models"();
