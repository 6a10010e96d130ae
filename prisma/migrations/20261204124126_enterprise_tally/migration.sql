-- CreateTable
CREATE TABLE "EnterpriseTally" (
    "parkId" UUID NOT NULL,
    "supportClass" TEXT NOT NULL,
    "registrationStatus" "RegistrationStatus" NOT NULL,
    "active" BOOLEAN NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "EnterpriseTally_pkey" PRIMARY KEY ("parkId","supportClass","registrationStatus","active")
);

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

-- The rebuild covers this tally too.
CREATE OR REPLACE FUNCTION "rq_rebuild_enterprise_tally"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "EnterpriseTally" IN EXCLUSIVE MODE;
  DELETE FROM "EnterpriseTally";
  PERFORM "rq_apply_enterprise_tally"('[]', (SELECT "rq_enterprise_tally_rows"(coalesce(jsonb_agg(to_jsonb(e)), '[]')) FROM "Enterprise" e));
END $$;

SELECT "rq_rebuild_enterprise_tally"();
