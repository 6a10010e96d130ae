-- The first default scoring rules scored "loanGrowth" (one quarter's loan increment over
-- the quarter's opening balance) against the annual target of +20% with a full point per
-- percent below, so a bank growing 5% every quarter (about 21.6% a year) lost half the
-- growth points every quarter. The default now scores it against the quarterly
-- equivalent, 1.2^(1/4) − 1 ≈ 4.66%, minus 0.5 per 0.25 point below
-- (docs/decisions/018-quarterly-growth-target.md).
--
-- Every program whose NEWEST rule set still carries that exact first default growth rule
-- gets version N+1: the same rules with the growth rule replaced. Nothing stored is
-- changed: older versions stay as they are, every ranking keeps pointing at the rule set
-- it was computed with, and a published ranking shows the rules copied into its frozen
-- snapshot. Only rankings computed from now on (new drafts, or drafts recomputed) use the
-- new version. A program whose finance office already chose another growth rule keeps it.
-- The new version is audited like a save from the rule editor, with no acting user.
WITH latest AS (
  SELECT DISTINCT ON ("programId") "programId", version, name, rules
    FROM "ScoringRuleSet"
   ORDER BY "programId", version DESC
),
stale AS (
  -- Containment, not jsonb_array_elements: a stored rule set that is not an array (one the
  -- application already refuses as invalid) matches nothing instead of failing the migration.
  SELECT * FROM latest
   WHERE rules @> '[{"indicator": "loanGrowth", "rule": {"kind": "threshold", "points": 15, "target": 20, "step": 1, "deduction": 0.5, "direction": "higher"}}]'::jsonb
),
created AS (
  INSERT INTO "ScoringRuleSet" (id, "programId", version, name, rules, "createdById", "createdAt")
  SELECT gen_random_uuid(), s."programId", s.version + 1, left(s.name || '（贷款增速按季度目标计分）', 100),
         (SELECT jsonb_agg(
                   CASE WHEN e->>'indicator' = 'loanGrowth'
                        THEN jsonb_set(e, '{rule}', '{"kind": "threshold", "points": 15, "target": 4.66, "step": 0.25, "deduction": 0.5, "direction": "higher"}'::jsonb)
                        ELSE e END
                   ORDER BY i)
            FROM jsonb_array_elements(s.rules) WITH ORDINALITY AS x(e, i)),
         NULL, now()
    FROM stale s
  RETURNING id, "programId", version, name, rules
)
INSERT INTO "AuditLog" (action, "targetType", "targetId", details)
SELECT 'scoring.ruleSetSaved', 'ScoringRuleSet', c.id::text,
       jsonb_build_object('programId', c."programId", 'fromVersion', c.version - 1, 'toVersion', c.version,
                          'name', c.name, 'rules', c.rules, 'source', 'migration')
  FROM created c;
