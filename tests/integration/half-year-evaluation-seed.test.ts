/**
 * The demo's half-year evaluations (lib/seed/evaluations.ts, seeded for 2026-11-27): the
 * first half year finalised and frozen, its stored results what the rules give from its
 * stored points and quarter scores, a bank below the line and the demo liaison's bank
 * picked by hand; the second half year open with the central bank's scores partly
 * entered; and the demo liaison (a sub-branch) sees its bank's finalised result only.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { actorOf } from "@/lib/auth/queries/load-scope-context";
import type { TActor } from "@/lib/auth/permissions";
import { DEFAULT_EVALUATION_RULES, evaluateBank } from "@/lib/evaluation/rules";
import { getEvaluation } from "@/lib/evaluation/queries/get-evaluation";
import { listEvaluations } from "@/lib/evaluation/queries/list-evaluations";
import { DEMO_USERS } from "@/lib/seed/base";
import { seedDemoData } from "@/prisma/seed/seed-demo-data";
import { migrate } from "@/scripts/db/migrate";
import { createFreshDatabase, type FreshDatabase } from "./harness";

let fresh: FreshDatabase;
let prisma: PrismaClient;

async function actor(account: string): Promise<TActor> {
  const u = await prisma.user.findUniqueOrThrow({
    where: { account },
    select: { id: true, role: true, orgId: true, org: { select: { kind: true } } },
  });
  return actorOf({ userId: u.id, role: u.role, orgId: u.orgId, orgKind: u.org.kind });
}

beforeAll(async () => {
  fresh = await createFreshDatabase("evaluations");
  await migrate(fresh.url, { onLog: () => {} });
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: fresh.url }) });
  await seedDemoData(prisma, { referenceDate: "2026-11-27" });
}, 300_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await fresh?.drop();
});

describe("demo half-year evaluations", () => {
  it("has H1 finalised with results the rules give, and H2 open", async () => {
    const finance = await actor(DEMO_USERS.financeAdmin.account);
    const list = await listEvaluations(prisma, finance);
    expect(list.map((e) => [e.year, e.half, e.status])).toEqual([
      [2026, 2, "OPEN"],
      [2026, 1, "FINALISED"],
    ]);
    const h1 = (await getEvaluation(prisma, finance, list[1]!.id))!;
    expect(h1.rows.length).toBeGreaterThan(2);
    for (const row of h1.rows) {
      const again = evaluateBank(DEFAULT_EVALUATION_RULES, {
        bankOrgId: row.bankOrgId,
        quarterScores: row.quarterScores,
        pbcPoints: row.pbcPoints!,
        financePoints: row.financePoints!,
        rectifyPicked: row.rectifyPicked,
      });
      expect(row.result).toEqual(again);
    }
    expect(h1.rows.some((r) => r.result!.belowThreshold && r.result!.mustRectify)).toBe(true);
    expect(h1.rows.filter((r) => r.rectifyPicked)).toHaveLength(1);
    await expect(prisma.$executeRawUnsafe(`UPDATE "HalfYearEvaluationBank" SET grade = 'excellent'`)).rejects.toThrow(/finalised/);
    const h2 = (await getEvaluation(prisma, finance, list[0]!.id))!;
    expect(h2.rows.some((r) => r.pbcPoints) && h2.rows.some((r) => !r.pbcPoints)).toBe(true);
    expect(h2.rows.every((r) => r.financePoints === null)).toBe(true);
  });

  it("shows the demo liaison its bank's finalised result only", async () => {
    const liaison = await actor(DEMO_USERS.bankLiaison.account);
    const list = await listEvaluations(prisma, liaison);
    expect(list.map((e) => e.status)).toEqual(["FINALISED"]);
    const h1 = (await getEvaluation(prisma, liaison, list[0]!.id))!;
    expect(h1.rows).toHaveLength(1);
    expect(h1.rows[0]!.rectifyPicked).toBe(true);
    expect(h1.rows[0]!.result!.mustRectify).toBe(true);
  });
});
