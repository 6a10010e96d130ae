/**
 * The official ledgers as downloads, through their route handlers on the real database:
 * the bank's quarterly 解决台账 (Excel rows equal the accepted snapshot, its chain heads
 * equal the ledger's as of acceptance, recomputed here from the LedgerEntry rows; the PDF
 * carries Chinese text that pdftotext reads back) and the park's 问题清单 (the list's
 * scope and filters, working days from the calendar, batches and the row cap; another
 * park's list is "not found"). Only the session is simulated.
 */
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { formatDateTime } from "@/lib/i18n/format";
import { answerRequest } from "@/lib/requests/mutations/bank-steps";
import { readProblemList } from "@/lib/requests/queries/read-problem-list";
import type { TWorkflowActor } from "@/lib/requests/workflow/types";
import type { TDefinedRoute } from "@/lib/server/route";
import { getOrCreateSubmission } from "@/lib/submissions/mutations/get-or-create-submission";
import { acceptSubmission } from "@/lib/submissions/mutations/review-submission";
import { saveSubmissionDraft } from "@/lib/submissions/mutations/save-submission-draft";
import { submitSubmission } from "@/lib/submissions/mutations/submit-submission";
import { readItemsSnapshot, type TPrefillItem } from "@/lib/submissions/items-summary";
import { at, canDoAnswer, createRequestWorld, workflowKit, type TRequestWorld } from "@/tests/factories/requests";
import { testPrisma, uniqueTag } from "@/tests/factories/users";
import { session, sessionOfActor } from "../support/signed-in-session";

vi.mock("@/lib/server/auth/current-user", () => import("../support/signed-in-session").then((m) => m.currentUserModule()));
vi.mock("@/lib/server/auth/request-meta", () =>
  import("../support/signed-in-session").then((m) => m.requestMetaModule("official-ledgers")),
);

let prisma: PrismaClient;
let w: TRequestWorld;
let submissionId: string;
const ACCEPTED_AT = at("2026-10-19T10:00:00");
const ids = {} as Record<"answered" | "overdue" | "carried", string>;
const serials = {} as Record<keyof typeof ids, string>;

const as = (actor: TWorkflowActor, name = "测试用户") => {
  session.user = sessionOfActor(actor, name);
};

async function get(path: string, route: () => Promise<{ GET: TDefinedRoute }>, id?: string) {
  const { GET } = await route();
  return GET(new Request(`http://localhost${path}`), id ? { params: Promise.resolve({ id }) } : undefined);
}
const ledgerXlsx = (id: string) =>
  get(`/submissions/${id}/ledger/export`, () => import("@/app/(portal)/submissions/[id]/ledger/export/route"), id);
const ledgerPdf = (id: string) =>
  get(`/submissions/${id}/ledger/pdf`, () => import("@/app/(portal)/submissions/[id]/ledger/pdf/route"), id);
const listXlsx = (query = "") =>
  get(`/requests/problem-list/export${query ? `?${query}` : ""}`, () => import("@/app/(portal)/requests/problem-list/export/route"));
const listPdf = (query = "") =>
  get(`/requests/problem-list/pdf${query ? `?${query}` : ""}`, () => import("@/app/(portal)/requests/problem-list/pdf/route"));

async function sheets(res: Response): Promise<Map<string, string[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  const out = new Map<string, string[][]>();
  for (const ws of book.worksheets) {
    const rows: string[][] = [];
    ws.eachRow((row) => {
      const cells: string[] = [];
      for (let i = 1; i <= ws.columnCount; i++) {
        const v = row.getCell(i).value;
        cells.push(v === null || v === undefined ? "" : String(v));
      }
      rows.push(cells);
    });
    out.set(ws.name, rows);
  }
  return out;
}

const pdfText = async (res: Response) =>
  execFileSync("pdftotext", ["-layout", "-", "-"], { input: Buffer.from(await res.arrayBuffer()) }).toString("utf8");

beforeAll(async () => {
  prisma = testPrisma();
  w = await createRequestWorld(prisma, uniqueTag());
  const kit = workflowKit(prisma, w);
  const a = w.actors;
  // Q3 2026: forwarded on Monday 3 August and answered Wednesday 5 August (2 working days);
  // one forwarded on 29 September, never answered in time; one from Q2 carried over.
  const signed = await kit.signed(at("2026-08-03T10:00:00"));
  const answered = await answerRequest(prisma, a.mainBankLiaison, canDoAnswer(signed), { now: at("2026-08-05T15:00:00") });
  const overdue = await kit.forwarded(at("2026-09-29T10:00:00"));
  const carried = await kit.forwarded(at("2026-06-29T10:00:00"));
  for (const [k, r] of Object.entries({ answered, overdue, carried })) {
    ids[k as keyof typeof ids] = r.id;
    serials[k as keyof typeof ids] = r.serial;
  }
  const bank = a.mainBankParentLiaison;
  const opened = await getOrCreateSubmission(
    prisma,
    bank,
    { programId: w.programId, year: 2026, quarter: 3 },
    { now: at("2026-10-09T09:00:00") },
  );
  submissionId = opened.id;
  const version = async () => (await prisma.quarterlySubmission.findUniqueOrThrow({ where: { id: submissionId } })).updatedAt.toISOString();
  await saveSubmissionDraft(prisma, bank, {
    submissionId,
    version: await version(),
    figures: [
      {
        parkId: w.parkId,
        loanBalance: "12,345.67",
        loanIncrement: "-120.5",
        borrowers: "40",
        firstLoans: "5",
        creditLoans: "12",
        averageRate: "3.85",
      },
    ],
  });
  await submitSubmission(prisma, bank, { submissionId, version: await version() }, { now: at("2026-10-14T16:00:00") });
}, 180_000);

afterAll(async () => {
  session.user = null;
  await prisma?.$disconnect();
});

describe("the 解决台账 download", () => {
  it("does not exist before the submission is accepted", async () => {
    as(w.actors.mainBankParentLiaison);
    expect((await ledgerXlsx(submissionId)).status).toBe(404);
    expect((await ledgerPdf(submissionId)).status).toBe(404);
  });

  it("holds the accepted snapshot's rows and the ledger's chain heads as of acceptance", async () => {
    await acceptSubmission(
      prisma,
      w.actors.financeStaff,
      {
        submissionId,
        version: (await prisma.quarterlySubmission.findUniqueOrThrow({ where: { id: submissionId } })).updatedAt.toISOString(),
      },
      { now: ACCEPTED_AT },
    );
    // After acceptance the overdue item is answered: its head moves on, the ledger file must not.
    const overdue = await prisma.request.findUniqueOrThrow({ where: { id: ids.overdue } });
    const { signRequest } = await import("@/lib/requests/mutations/bank-steps");
    const signed = await signRequest(
      prisma,
      w.actors.mainBankLiaison,
      { requestId: overdue.id, version: overdue.version },
      { now: at("2026-10-20T09:00:00") },
    );
    await answerRequest(prisma, w.actors.mainBankLiaison, canDoAnswer(signed), { now: at("2026-10-20T10:00:00") });

    as(w.actors.mainBankParentLiaison);
    const res = await ledgerXlsx(submissionId);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    expect(res.headers.get("content-disposition")).toContain("filename*=UTF-8''");
    const book = await sheets(res);

    const row = await prisma.quarterlySubmission.findUniqueOrThrow({ where: { id: submissionId } });
    const snapshot = readItemsSnapshot(row.itemsSnapshot)!.items!;
    expect(snapshot).toHaveLength(3);
    const [header, ...items] = book.get("解决台账")!;
    expect(header).toContain("编号");
    expect(header).toContain("台账链头哈希");
    const serialCol = header!.indexOf("编号");
    const enterpriseCol = header!.indexOf("企业");
    const titleCol = header!.indexOf("事项");
    const answerCol = header!.indexOf("首次答复");
    const statusCol = header!.indexOf("当前状态");
    const seqCol = header!.indexOf("台账序号");
    const hashCol = header!.indexOf("台账链头哈希");
    // Row for row, in the snapshot's order: what the bank handed in, not the items as they stand now.
    expect(items.map((r) => r[serialCol])).toEqual(snapshot.map((i) => i.serial));
    const cells = (i: TPrefillItem) => [
      i.serial,
      i.enterpriseName,
      i.title,
      i.firstAnswerAt ? formatDateTime(new Date(i.firstAnswerAt), "zh-CN") : "",
    ];
    expect(items.map((r) => [r[serialCol], r[enterpriseCol], r[titleCol], r[answerCol]])).toEqual(snapshot.map(cells));
    const overdueRow = items.find((r) => r[serialCol] === serials.overdue)!;
    expect(overdueRow[answerCol]).toBe("");
    expect(overdueRow[statusCol]).toBe("待签收");

    // The heads, recomputed from the ledger rows: each item's last entry up to the acceptance.
    const entries = await prisma.ledgerEntry.findMany({
      where: { requestId: { in: snapshot.map((i) => i.requestId) }, occurredAt: { lte: ACCEPTED_AT } },
      select: { requestId: true, seq: true, hash: true },
      orderBy: [{ requestId: "asc" }, { seq: "asc" }],
    });
    const heads = new Map<string, { seq: number; hash: string }>();
    for (const e of entries) heads.set(e.requestId, { seq: e.seq, hash: e.hash });
    for (const i of snapshot) {
      const r = items.find((x) => x[serialCol] === i.serial)!;
      expect([Number(r[seqCol]), r[hashCol]], i.serial).toEqual([heads.get(i.requestId)!.seq, heads.get(i.requestId)!.hash]);
    }
    const latest = await prisma.ledgerEntry.findFirstOrThrow({ where: { requestId: ids.overdue }, orderBy: { seq: "desc" } });
    expect(latest.seq).toBeGreaterThan(heads.get(ids.overdue)!.seq);
    expect(overdueRow[hashCol]).not.toBe(latest.hash);

    const lines = [...heads.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([id, h]) => `${id}:${h.seq}:${h.hash}`)
      .join("\n");
    const digest = createHash("sha256").update(lines, "utf8").digest("hex");
    const stamp = new Map(book.get("接收与核验")!.map(([label, value]) => [label, value]));
    expect(stamp.get("链头摘要（SHA-256）")).toBe(digest);
    expect(stamp.get("链头覆盖事项数")).toBe("3");
    expect(stamp.get("链头序号合计")).toBe(String([...heads.values()].reduce((s, h) => s + h.seq, 0)));
    expect(stamp.get("接收时间（UTC）")).toBe(ACCEPTED_AT.toISOString());
    expect(stamp.get("接收时间")).toBe(formatDateTime(ACCEPTED_AT, "zh-CN"));

    // The park figures as handed in, then their total.
    const [, park, total] = book.get("园区贷款数据")!;
    expect(park!.slice(2)).toEqual(["12345.67", "-120.5", "40", "5", "12", "3.85"]);
    expect(total![0]).toBe("合计");

    const audited = await prisma.auditLog.findFirst({
      where: { action: "ledgers.resolutionLedgerExported", targetId: submissionId },
      select: { details: true },
    });
    expect(audited?.details).toMatchObject({ format: "xlsx", items: 3, headsDigest: digest });
  });

  it("renders the PDF with embedded Chinese text, the items and the stamp", async () => {
    as(w.actors.financeStaff);
    const res = await ledgerPdf(submissionId);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const text = await pdfText(res);
    expect(text).toContain("解决台账");
    expect(text).toContain("首次答复");
    expect(text).toContain(serials.answered);
    expect(text).toContain(`企业A ${w.tag}`);
    expect(text).toContain("链头摘要");
  });

  it("is another bank's, a branch's parent's or a park's to nobody: 404 (a park's role is audited as denied)", async () => {
    as(w.actors.otherBankLiaison);
    expect((await ledgerXlsx(submissionId)).status).toBe(404);
    // The sub-branch does not see its parent bank's submission.
    as(w.actors.mainBankLiaison);
    expect((await ledgerPdf(submissionId)).status).toBe(404);
    as(w.actors.parkStaff);
    expect((await ledgerXlsx(submissionId)).status).toBe(404);
    expect(
      await prisma.auditLog.count({ where: { action: "denied.ledgers.resolutionLedger", actorUserId: w.actors.parkStaff.userId } }),
    ).toBe(1);
    as(w.actors.centralBankStaff);
    expect((await ledgerXlsx(submissionId)).status).toBe(200);
  });
});

describe("the 问题清单 download", () => {
  it("lists the park's own items with the screen's filters and the working days taken", async () => {
    as(w.actors.parkStaff, `园区A ${w.tag}`);
    const res = await listXlsx();
    expect(res.status).toBe(200);
    const [header, ...rows] = (await sheets(res)).get("问题清单")!;
    for (const title of ["企业名称", "统一社会信用代码", "类型", "金额（万元）", "承办银行", "状态", "答复摘要", "答复用时（工作日）"])
      expect(header).toContain(title);
    const col = (name: string) => header!.indexOf(name);
    const mine = await prisma.request.findMany({
      where: { parkId: w.parkId, status: { not: "DRAFT" } },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      select: { serial: true },
    });
    // The list's order (newest change first), every item of the park, nothing else.
    expect(rows.map((r) => r[col("编号")])).toEqual(mine.map((m) => m.serial));
    const answered = rows.find((r) => r[col("编号")] === serials.answered)!;
    expect(answered[col("统一社会信用代码")]).toMatch(/^92/);
    expect(answered[col("金额（万元）")]).toBe("500");
    expect(answered[col("答复用时（工作日）")]).toBe("2");
    expect(answered[col("答复摘要")]).toContain("可以办理：办理条件 纳税信用B级以上");
    const info = new Map((await sheets(await listXlsx())).get("导出说明")!.map(([k, v]) => [k, v]));
    expect(info.get("条数")).toBe("3");
    expect(info.get("筛选条件")).toBe("无（全部事项）");
    expect(info.has("说明")).toBe(false);
    const carried = rows.find((r) => r[col("编号")] === serials.carried)!;
    expect(carried[col("答复用时（工作日）")]).toBe("");

    // The screen's filters: a status, a search.
    const filtered = (await sheets(await listXlsx(`status=FORWARDED&q=${serials.carried}`))).get("问题清单")!;
    expect(filtered.slice(1).map((r) => r[col("编号")])).toEqual([serials.carried]);
  });

  it("answers 404 to a park asking for another park's list, and gives it nothing of this park", async () => {
    as(w.actors.otherParkStaff);
    expect((await listXlsx(`park=${w.parkId}`)).status).toBe(404);
    expect((await listPdf(`park=${w.parkId}`)).status).toBe(404);
    const own = (await sheets(await listXlsx())).get("问题清单")!;
    expect(own.slice(1)).toEqual([]);
    // The finance office may name the park.
    as(w.actors.financeStaff);
    const fin = (await sheets(await listXlsx(`park=${w.parkId}`))).get("问题清单")!;
    expect(fin.length - 1).toBe(3);
    // Banks download their 解决台账, not a park's problem list.
    as(w.actors.mainBankLiaison);
    expect((await listXlsx()).status).toBe(404);
  });

  it("renders the PDF with the Chinese column titles and the enterprise's name", async () => {
    as(w.actors.parkStaff, `园区A ${w.tag}`);
    const res = await listPdf();
    expect(res.status).toBe(200);
    const text = await pdfText(res);
    for (const title of ["问题清单", "统一社会信用代码", "承办银行", "答复摘要"]) expect(text).toContain(title);
    expect(text).toContain(`企业A ${w.tag}`);
    expect(text.replace(/\s+/g, "")).toContain("共3条");
    const audited = await prisma.auditLog.findFirst({
      where: { action: "ledgers.problemListExported", actorUserId: w.actors.parkStaff.userId },
      orderBy: { id: "desc" },
      select: { details: true },
    });
    expect(audited?.details).toMatchObject({ format: "pdf", rows: 3, capped: false });
  });

  it("reads in keyset batches that add up to the list, and stops at the cap", async () => {
    const all = async (opts: Parameters<typeof readProblemList>[3]) => {
      const out: string[] = [];
      for await (const batch of readProblemList(prisma, w.actors.parkStaff, { status: null, type: null, q: "", cursor: null }, opts))
        out.push(...batch.map((r) => r.serial));
      return out;
    };
    const whole = await all({});
    expect(await all({ batch: 1 })).toEqual(whole);
    const state = { rows: 0, capped: false };
    expect(await all({ batch: 1, maxRows: 2, state })).toEqual(whole.slice(0, 2));
    expect(state).toEqual({ rows: 2, capped: true });
    const exact = { rows: 0, capped: false };
    expect(await all({ batch: 2, maxRows: 3, state: exact })).toEqual(whole);
    expect(exact).toEqual({ rows: 3, capped: false });
  });
});
