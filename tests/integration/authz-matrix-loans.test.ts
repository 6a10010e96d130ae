/**
 * The authorization matrix's cross-tenant half for the bank's loan register, through the
 * real server actions and export route: a bank liaison whose role IS allowed, acting on
 * another bank's loan, is answered "notFound" and changes nothing; an enterprise is
 * refused outright; another bank's export holds none of this bank's loans. Who may call
 * the actions at all is in authz-matrix.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordLoan } from "@/lib/loans/mutations/record-loan";
import { ZRecordLoan } from "@/lib/loans/schemas";
import type { TDefinedAction } from "@/lib/server/action";
import type { TDefinedRoute } from "@/lib/server/route";
import { at, createRequestWorld, type TRequestWorld } from "@/tests/factories/requests";
import { testPrisma, uniqueTag } from "@/tests/factories/users";
import { formData, session, sessionOfActor } from "../support/signed-in-session";

vi.mock("@/lib/server/auth/current-user", () => import("../support/signed-in-session").then((m) => m.currentUserModule()));
vi.mock("@/lib/server/auth/request-meta", () =>
  import("../support/signed-in-session").then((m) => m.requestMetaModule("cross-tenant-loans")),
);

let prisma: PrismaClient;
let w: TRequestWorld;
let loanId: string;
let actions: Record<string, TDefinedAction<unknown>>;

const fields = () => ({
  enterpriseId: w.enterpriseId,
  amountFen: "300",
  termMonths: "12",
  annualRate: "3.6",
  product: "流动资金贷款",
  secured: "secured",
  disbursedOn: "2026-09-01",
});

beforeAll(async () => {
  prisma = testPrisma();
  w = await createRequestWorld(prisma, uniqueTag());
  loanId = (await recordLoan(prisma, w.actors.mainBankLiaison, ZRecordLoan.parse(fields()), { now: at("2026-09-10T10:00:00") })).loanId;
  actions = (await import("@/app/(portal)/bank/loans/actions")) as unknown as Record<string, TDefinedAction<unknown>>;
}, 120_000);

afterAll(async () => {
  await prisma?.$disconnect();
});

describe("another bank with the right role", () => {
  it("cannot cancel this bank's loan: not found, nothing written", async () => {
    const audits = await prisma.auditLog.count({ where: { targetType: "LoanOutcome", targetId: loanId } });
    for (const actor of [w.actors.otherBankLiaison, w.actors.participatingBankLiaison]) {
      session.user = sessionOfActor(actor, "cross-tenant-loans");
      const result = await actions.cancelLoanAction!(formData({ loanId, reason: "不是本行的" }));
      expect(result).toMatchObject({ ok: false, error: "notFound" });
    }
    expect(await prisma.loanCancellation.count({ where: { loanId } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { targetType: "LoanOutcome", targetId: loanId } })).toBe(audits);
  });

  it("exports its own register, which holds none of this bank's loans", async () => {
    const { GET } = (await import("@/app/(portal)/bank/loans/export/route")) as { GET: TDefinedRoute };
    session.user = sessionOfActor(w.actors.otherBankLiaison, "cross-tenant-loans");
    const response = await GET(new Request(`http://localhost/bank/loans/export?enterpriseId=${w.enterpriseId}`));
    expect(response.status).toBe(200);
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "loans.exported", actorUserId: w.actors.otherBankLiaison.userId },
    });
    expect(audit.details).toMatchObject({ rows: 0 });
  });
});

describe("an enterprise", () => {
  it("can neither record nor cancel a loan, nor export the register", async () => {
    session.user = sessionOfActor(w.actors.enterpriseOwner, "cross-tenant-loans");
    expect(await actions.recordLoanAction!(formData(fields()))).toMatchObject({ ok: false, error: "forbidden" });
    expect(await actions.cancelLoanAction!(formData({ loanId, reason: "不要" }))).toMatchObject({ ok: false, error: "forbidden" });
    const { GET } = (await import("@/app/(portal)/bank/loans/export/route")) as { GET: TDefinedRoute };
    expect((await GET(new Request("http://localhost/bank/loans/export"))).status).toBe(404);
    expect(await prisma.loanOutcome.count({ where: { enterpriseId: w.enterpriseId } })).toBe(1);
  });
});
