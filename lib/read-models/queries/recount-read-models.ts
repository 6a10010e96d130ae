/**
 * Recounts every read model from the raw rows — "Request" and its ledger, the enterprises,
 * loans, key-list members and questionnaire answers — in SQL written
 * apart from the triggers that keep them (facts straight from the ledger, plain GROUP BYs),
 * and lists where a stored read model differs. An empty list means every number the
 * dashboards read equals the count a person would get from the items. Used by the
 * consistency test and by `npm run db:rebuild-read-models -- --check`.
 */
import type { Prisma } from "@/lib/generated/prisma/client";

type TDb = { $queryRawUnsafe: Prisma.TransactionClient["$queryRawUnsafe"] };

export type TReadModelMismatch = { model: string; key: string; expected: string | null; stored: string | null };

const NIL = "'00000000-0000-0000-0000-000000000000'::uuid";

// Per item, its ledger facts computed from the entries themselves (one pass over each kind
// of entry, so the recount stays linear at a million entries).
const FACTS = `
  facts AS (
    SELECT r.*, fa.f_answered, ft.f_on_time, lk.f_kind, lr.f_rating, fw.f_withdrawn
      FROM "Request" r
      LEFT JOIN (SELECT "requestId", min("occurredAt") AS f_answered FROM "LedgerEntry" WHERE action = 'ANSWER' GROUP BY 1) fa
             ON fa."requestId" = r.id
      LEFT JOIN (SELECT DISTINCT ON ("requestId") "requestId", (content->>'onTime')::boolean AS f_on_time
                   FROM "LedgerEntry" WHERE action = 'ANSWER' ORDER BY "requestId", seq) ft ON ft."requestId" = r.id
      LEFT JOIN (SELECT DISTINCT ON ("requestId") "requestId", content->>'answerKind' AS f_kind
                   FROM "LedgerEntry" WHERE action = 'ANSWER' ORDER BY "requestId", seq DESC) lk ON lk."requestId" = r.id
      LEFT JOIN (SELECT DISTINCT ON ("requestId") "requestId", content->>'rating' AS f_rating
                   FROM "LedgerEntry" WHERE action = 'RATE' ORDER BY "requestId", seq DESC) lr ON lr."requestId" = r.id
      LEFT JOIN (SELECT "requestId", min("occurredAt") AS f_withdrawn FROM "LedgerEntry" WHERE action = 'WITHDRAW' GROUP BY 1) fw
             ON fw."requestId" = r.id
  )`;

// Each model: the recount (key text, value text) and the stored rows in the same shape.
const MODELS: { model: string; expected: string; stored: string }[] = [
  {
    model: "Request facts",
    expected: `SELECT id::text AS key, concat(f_answered, '|', f_on_time, '|', f_kind, '|', f_rating, '|', f_withdrawn) AS value FROM facts
                WHERE f_answered IS NOT NULL OR f_kind IS NOT NULL OR f_rating IS NOT NULL OR f_withdrawn IS NOT NULL`,
    stored: `SELECT id::text, concat("firstAnsweredAt", '|', "firstAnswerOnTime", '|', "lastAnswerKind", '|', "lastRating", '|', "firstWithdrawnAt") FROM "Request"
              WHERE "firstAnsweredAt" IS NOT NULL OR "lastAnswerKind" IS NOT NULL OR "lastRating" IS NOT NULL OR "firstWithdrawnAt" IS NOT NULL
                 OR "firstAnswerOnTime" IS NOT NULL`,
  },
  {
    model: "RequestStatusTally",
    expected: `SELECT concat_ws('|', "programId", "parkId", coalesce("assignedBankId", ${NIL}), status), count(*)::text FROM "Request" GROUP BY 1`,
    stored: `SELECT concat_ws('|', "programId", "parkId", "bankKey", status), n::text FROM "RequestStatusTally" WHERE n <> 0`,
  },
  {
    model: "RequestOpenTally",
    expected: `SELECT concat_ws('|', coalesce("assignedBankId", ${NIL}), "parkId", status, "answeredAt" IS NOT NULL, "escalationReason" IS NOT DISTINCT FROM 'PASSED',
                       coalesce("dueAt", 'infinity')), count(*)::text
                 FROM "Request" WHERE status IN ('FORWARDED', 'SIGNED', 'ESCALATED') GROUP BY 1`,
    stored: `SELECT concat_ws('|', "bankKey", "parkId", status, answered, passed, "dueKey"), n::text FROM "RequestOpenTally" WHERE n <> 0`,
  },
  {
    model: "RequestQuarterTally",
    expected: `SELECT concat_ws('|', "programId", to_char("forwardedAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY-"Q"Q'), "assignedBankId"),
                      concat_ws('|', count(*),
                        count(*) FILTER (WHERE f_answered IS NOT NULL),
                        count(*) FILTER (WHERE f_answered IS NOT NULL AND (CASE WHEN f_on_time IS NULL THEN f_answered <= "dueAt" ELSE f_on_time END)),
                        count(*) FILTER (WHERE type = 'FINANCING' AND f_kind IS NOT NULL),
                        count(*) FILTER (WHERE type = 'FINANCING' AND f_kind = 'GRANTED'),
                        count(*) FILTER (WHERE f_rating IS NOT NULL),
                        count(*) FILTER (WHERE f_rating IN ('SATISFIED', 'BASICALLY_SATISFIED')))
                 FROM facts WHERE "assignedBankId" IS NOT NULL AND "forwardedAt" IS NOT NULL GROUP BY 1`,
    stored: `SELECT concat_ws('|', "programId", to_char("quarterStart", 'YYYY-"Q"Q'), "bankId"),
                    concat_ws('|', received, answered, "onTime", "financingAnswered", "financingGranted", rated, satisfied)
               FROM "RequestQuarterTally" WHERE (received, answered, "onTime", "financingAnswered", "financingGranted", rated, satisfied) <> (0, 0, 0, 0, 0, 0, 0)`,
  },
  {
    model: "RequestOwedTally",
    expected: `SELECT concat_ws('|', "programId", to_char("forwardedAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY-"Q"Q'), "assignedBankId", "dueAt"), count(*)::text
                 FROM facts
                WHERE "assignedBankId" IS NOT NULL AND "forwardedAt" IS NOT NULL AND f_answered IS NULL AND "dueAt" IS NOT NULL
                  AND (f_withdrawn IS NULL OR f_withdrawn > "dueAt")
                GROUP BY 1`,
    stored: `SELECT concat_ws('|', "programId", to_char("quarterStart", 'YYYY-"Q"Q'), "bankId", "dueAt"), n::text FROM "RequestOwedTally" WHERE n <> 0`,
  },
  {
    model: "EnterpriseTally",
    expected: `SELECT concat_ws('|', e."parkId", coalesce(e."supportClass"::text, 'NONE'), e."registrationStatus", o.active), count(*)::text
                 FROM "Enterprise" e JOIN "Organization" o ON o.id = e."orgId" GROUP BY 1`,
    stored: `SELECT concat_ws('|', "parkId", "supportClass", "registrationStatus", active), n::text FROM "EnterpriseTally" WHERE n <> 0`,
  },
  {
    model: "RequestYearTally",
    expected: `SELECT extract(year FROM "submittedAt" AT TIME ZONE 'Asia/Shanghai')::text,
                      concat_ws('|', count(*), count(rating), count(*) FILTER (WHERE rating <> 'DISSATISFIED'))
                 FROM "Request" WHERE "submittedAt" IS NOT NULL GROUP BY 1`,
    stored: `SELECT year::text, concat_ws('|', submitted, rated, satisfied) FROM "RequestYearTally" WHERE (submitted, rated, satisfied) <> (0, 0, 0)`,
  },
  {
    model: "LoanYearTally",
    expected: `SELECT to_char(coalesce("grantedOn", ("createdAt" AT TIME ZONE 'Asia/Shanghai')::date), 'YYYY'), concat_ws('|', count(*), sum("amountFen"))
                 FROM "LoanOutcome" l WHERE NOT EXISTS (SELECT 1 FROM "LoanCancellation" c WHERE c."loanId" = l.id) GROUP BY 1`,
    stored: `SELECT year::text, concat_ws('|', granted, "amountFen") FROM "LoanYearTally" WHERE (granted, "amountFen") <> (0, 0)`,
  },
  {
    model: "KeyListTally",
    expected: `SELECT concat_ws('|', "listId", coalesce("bankOrgId", ${NIL})),
                      concat_ws('|', count(*), count(*) FILTER (WHERE "lastOutcome" = 'CONNECTED'), count(*) FILTER (WHERE "lastOutcome" = 'HAS_NEED'),
                        count(*) FILTER (WHERE "lastOutcome" = 'CREDIT_GRANTED'), count(*) FILTER (WHERE "lastOutcome" = 'NO_NEED'))
                 FROM "KeyListMember" GROUP BY 1`,
    stored: `SELECT concat_ws('|', "listId", "bankKey"), concat_ws('|', members, connected, "hasNeed", "creditGranted", "noNeed")
               FROM "KeyListTally" WHERE (members, connected, "hasNeed", "creditGranted", "noNeed") <> (0, 0, 0, 0, 0)`,
  },
  {
    model: "QuestionnaireTally",
    expected: `SELECT concat_ws('|', "questionnaireId", coalesce("bankOrgId", ${NIL})), concat_ws('|', count(*), sum(rated), sum(satisfied))
                 FROM "QuestionnaireResponse" GROUP BY 1`,
    stored: `SELECT concat_ws('|', "questionnaireId", "bankKey"), concat_ws('|', responses, rated, satisfied)
               FROM "QuestionnaireTally" WHERE (responses, rated, satisfied) <> (0, 0, 0)`,
  },
];

export async function recountReadModels(db: TDb): Promise<TReadModelMismatch[]> {
  const out: TReadModelMismatch[] = [];
  for (const m of MODELS) {
    const rows = await db.$queryRawUnsafe<{ key: string; expected: string | null; stored: string | null }[]>(`
      WITH ${FACTS},
      expected(key, value) AS (${m.expected}),
      stored(key, value) AS (${m.stored})
      SELECT coalesce(e.key, s.key) AS key, e.value AS expected, s.value AS stored
        FROM expected e FULL JOIN stored s ON s.key = e.key
       WHERE e.value IS DISTINCT FROM s.value
       ORDER BY 1 LIMIT 50`);
    for (const r of rows) out.push({ model: m.model, key: r.key, expected: r.expected, stored: r.stored });
  }
  return out;
}
