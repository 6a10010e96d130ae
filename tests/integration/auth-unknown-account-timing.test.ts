/**
 * A refused sign-in for an account that does not exist must cost what a wrong password
 * for a real account costs: the same database statements (a transaction that locks and
 * reads the user, counts the failure and writes the audit entry) and one Argon2
 * verification. Otherwise the time of the answer tells who is registered.
 */
import { performance } from "node:perf_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { authenticate } from "@/lib/accounts/mutations/authenticate";
import { databaseUrl } from "@/tests/integration/harness";
import { createUser, uniqueMeta, uniqueTag } from "@/tests/factories/users";

const INVALID = { ok: false, code: "invalid" };
const WRONG = "Wrong#Pass1";

// Statement text without its literal values, so "the same statements" compares shapes.
const shapeOf = (sql: string) => sql.replace(/\$\d+/g, "?").replace(/\s+/g, " ").trim();

describe("unknown accounts and wrong passwords cost the same", () => {
  let prisma: PrismaClient;
  let statements: string[] = [];
  beforeAll(() => {
    const logging = new PrismaClient({
      adapter: new PrismaPg({ connectionString: databaseUrl() }),
      log: [{ emit: "event", level: "query" }],
    });
    logging.$on("query", (event) => statements.push(shapeOf(event.query)));
    prisma = logging;
  });
  afterAll(async () => {
    await prisma?.$disconnect();
  });

  // Each attempt from its own address, an hour apart from the others' windows: the
  // address throttle stays out of the way.
  const signIn = (login: string) => authenticate(prisma, { login, password: WRONG }, uniqueMeta(), new Date());

  async function statementsOf(login: string): Promise<string[]> {
    statements = [];
    expect(await signIn(login)).toStrictEqual(INVALID);
    return statements;
  }

  it("sends the same statements for an unknown account as for a wrong password", async () => {
    const user = await createUser(prisma, { label: "shape" });
    await signIn(`nobody.${uniqueTag()}`); // warm up: the dummy hash is made on first need
    const unknown = await statementsOf(`nobody.${uniqueTag()}`);
    const wrong = await statementsOf(user.account);
    expect(unknown).toStrictEqual(wrong);
  });

  it("takes the same time: the median of paired timings over many attempts", async () => {
    const user = await createUser(prisma, { label: "timing" });
    const time = async (login: string) => {
      const start = performance.now();
      expect(await signIn(login)).toStrictEqual(INVALID);
      return performance.now() - start;
    };
    await time(`nobody.${uniqueTag()}`);
    // Each pair runs back to back, in alternating order, so a burst of load from other
    // processes on the machine falls on both of its halves.
    const ratios: number[] = [];
    for (let i = 0; i < 40; i++) {
      const unknownFirst = i % 2 === 0;
      const first = await time(unknownFirst ? `nobody.${uniqueTag()}` : user.account);
      const second = await time(unknownFirst ? user.account : `nobody.${uniqueTag()}`);
      ratios.push(unknownFirst ? first / second : second / first);
      // Stays below the lockout (5 failures), which answers without a password check.
      if (i % 4 === 3) await prisma.user.update({ where: { id: user.id }, data: { failedSignIns: 0 } });
    }
    const ratio = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)]!;
    console.info(`sign-in timing: median ratio unknown/wrong ${ratio.toFixed(2)}`);
    // Before the unknown account ran the same statements, the ratio was about 0.7; the
    // band leaves room for a shared, busy machine.
    expect(ratio).toBeGreaterThan(0.85);
    expect(ratio).toBeLessThan(1.2);
  });
});
