/**
 * The documents loop on the real database: a bank answers 需补充材料, the enterprise uploads
 * files (allowed only in that state) and sends them with a note, the item goes back to the
 * same bank with a reply clock counted from the submission, the bank's inbox lists it apart
 * while it waits for the enterprise and with its running items after, and the bank answers
 * with a loan — each step in the ledger, the files tied to the SUPPLEMENT entry. Then the
 * refusals of the new step: another enterprise's item, a bank or park user, the wrong state,
 * a stale version, an empty note; each writes nothing. The clock is always given.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { deleteAttachment } from "@/lib/attachments/mutations/delete-attachment";
import { postgresAttachmentStore } from "@/lib/attachments/mutations/postgres-attachment-store";
import { uploadAttachment } from "@/lib/attachments/mutations/upload-attachment";
import { cnOfficialCalendarData } from "@/lib/calendar/cn-official";
import { addWorkingDays, createWorkingCalendar } from "@/lib/calendar/working-days";
import { verifyChain } from "@/lib/ledger/hash";
import { answerRequest } from "@/lib/requests/mutations/bank-steps";
import { supplyDocuments } from "@/lib/requests/mutations/enterprise-steps";
import { listBankInbox } from "@/lib/requests/queries/list-bank-inbox";
import type { TWorkflowResult } from "@/lib/requests/workflow/types";
import { at, canDoAnswer, codeOf, createRequestWorld, workflowKit, type TRequestWorld } from "@/tests/factories/requests";
import { testPrisma, uniqueTag } from "@/tests/factories/users";

let prisma: PrismaClient;
let w: TRequestWorld;
let a: TRequestWorld["actors"];
let kit: ReturnType<typeof workflowKit>;
const store = postgresAttachmentStore();
const calendar = createWorkingCalendar(cnOfficialCalendarData());

const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

beforeAll(async () => {
  prisma = testPrisma();
  w = await createRequestWorld(prisma, uniqueTag());
  a = w.actors;
  kit = workflowKit(prisma, w);
});

afterAll(async () => {
  await prisma?.$disconnect();
});

/** Signed at `signedAt`, answered 需补充材料 at `answeredAt`. */
async function askedForDocuments(signedAt: Date, answeredAt: Date): Promise<TWorkflowResult> {
  const signed = await kit.signed(signedAt);
  return answerRequest(
    prisma,
    a.mainBankLiaison,
    { requestId: signed.id, version: signed.version, kind: "NEEDS_DOCUMENTS", documents: "近两年财务报表\n纳税证明" },
    { now: answeredAt },
  );
}

const upload = (requestId: string, fileName: string, bytes: Uint8Array<ArrayBuffer>, now: Date, actor = a.enterpriseOwner) =>
  uploadAttachment(prisma, actor, { requestId, fileName, bytes }, { store, now });

/** What a refused step must leave as it was. */
async function footprint(requestId: string) {
  const [row, ledger, notices, files] = await Promise.all([
    prisma.request.findUniqueOrThrow({ where: { id: requestId }, select: { version: true, status: true, dueAt: true, answerKind: true } }),
    prisma.ledgerEntry.count({ where: { requestId } }),
    prisma.notification.count({ where: { requestId } }),
    prisma.attachment.findMany({ where: { requestId }, select: { id: true, ledgerEntryId: true }, orderBy: { id: "asc" } }),
  ]);
  return { row, ledger, notices, files };
}

describe("the documents loop", () => {
  it("需补充材料 → files and a note → back to the same bank, clock from the submission → a loan; the ledger holds each step", async () => {
    const asked = await askedForDocuments(at("2026-11-02T10:00:00"), at("2026-11-03T10:00:00"));
    expect(asked.status).toBe("ANSWERED");
    // The answer starts the enterprise's limit: in its ledger entry and in the notice.
    const limit = addWorkingDays(at("2026-11-03T10:00:00"), 10, calendar);
    expect((await kit.lastEntry(asked.id)).content).toMatchObject({
      answerKind: "NEEDS_DOCUMENTS",
      supplementDeadlineDays: 10,
      documentsDueAt: limit.toISOString(),
    });
    expect(await kit.notified(asked.id, "request.documentsRequested")).toEqual(new Set([a.enterpriseOwner.userId]));
    expect(await kit.notified(asked.id, "request.answered")).toEqual(new Set());

    // The bank's inbox: waiting for the enterprise, not among its own answers.
    const waiting = await listBankInbox(prisma, a.mainBankLiaison, {
      list: "awaitingEnterprise",
      now: at("2026-11-04T09:00:00"),
      calendar,
    });
    const row = waiting.page.items.find((i) => i.id === asked.id);
    // Ten working days after Tuesday 3 November: 4–6, 9–13, 16–17 November.
    expect(row?.documentsDueAt).toEqual(addWorkingDays(at("2026-11-03T10:00:00"), 10, calendar));
    expect(row?.documents?.tone).toBe("normal");
    const assigned = await listBankInbox(prisma, a.mainBankLiaison, { now: at("2026-11-04T09:00:00"), calendar });
    expect(assigned.page.items.some((i) => i.id === asked.id)).toBe(false);
    expect(waiting.totals.awaitingEnterprise.value).toBeGreaterThanOrEqual(1);

    // Files: uploaded in this state, one removed again before sending.
    const statements = await upload(asked.id, "财务报表.pdf", PDF, at("2026-11-05T09:00:00"));
    const wrong = await upload(asked.id, "拍错了.png", PNG, at("2026-11-05T09:01:00"));
    const tax = await upload(asked.id, "纳税证明.png", PNG, at("2026-11-05T09:02:00"));
    await deleteAttachment(prisma, a.enterpriseOwner, wrong.id, { store });

    const sentAt = at("2026-11-05T10:00:00");
    const sent = await supplyDocuments(
      prisma,
      a.enterpriseOwner,
      { requestId: asked.id, version: asked.version, note: "已按要求上传财务报表和纳税证明" },
      { now: sentAt },
    );
    expect(sent.status).toBe("SIGNED");
    const item = await prisma.request.findUniqueOrThrow({ where: { id: asked.id } });
    expect(item).toMatchObject({
      assignedBankId: w.servicingBankOrgId,
      answeredAt: null,
      answerKind: null,
      deadlineStartAt: sentAt,
      // Five working days counted from the documents, not from the forwarding: 6, 9–12 November.
      dueAt: addWorkingDays(sentAt, w.replyDeadlineDays, calendar),
    });
    const entry = await kit.lastEntry(asked.id);
    expect(entry).toMatchObject({
      action: "SUPPLEMENT",
      fromStatus: "ANSWERED",
      toStatus: "SIGNED",
      actorUserId: a.enterpriseOwner.userId,
    });
    expect(entry.content).toMatchObject({
      bankOrgId: w.servicingBankOrgId,
      note: "已按要求上传财务报表和纳税证明",
      deadlineStartAt: sentAt.toISOString(),
      replyDeadlineDays: w.replyDeadlineDays,
      attachments: [
        { id: statements.id, fileName: "财务报表.pdf" },
        { id: tax.id, fileName: "纳税证明.png" },
      ],
    });
    const files = await prisma.attachment.findMany({ where: { requestId: asked.id }, select: { id: true, ledgerEntryId: true } });
    expect(files.every((f) => f.ledgerEntryId === entry.id)).toBe(true);
    expect(await kit.notified(asked.id, "request.documentsSupplied")).toContain(a.mainBankLiaison.userId);

    // Sent files stay; no more uploads once the item is the bank's again.
    expect(await codeOf(deleteAttachment(prisma, a.enterpriseOwner, tax.id, { store }))).toBe("invalidState");
    expect(await codeOf(upload(asked.id, "补充.pdf", PDF, at("2026-11-05T11:00:00")))).toBe("invalidState");

    // Back among the bank's running items.
    const running = await listBankInbox(prisma, a.mainBankLiaison, { now: at("2026-11-05T11:00:00"), calendar });
    expect(running.page.items.find((i) => i.id === asked.id)?.deadline?.tone).toBe("normal");
    const stillWaiting = await listBankInbox(prisma, a.mainBankLiaison, {
      list: "awaitingEnterprise",
      now: at("2026-11-05T11:00:00"),
      calendar,
    });
    expect(stillWaiting.page.items.some((i) => i.id === asked.id)).toBe(false);

    const granted = await answerRequest(
      prisma,
      a.mainBankLiaison,
      {
        requestId: asked.id,
        version: sent.version,
        kind: "GRANTED",
        amountFen: "300000000",
        annualRate: "3.45",
        termMonths: 12,
        product: "科技贷",
        guarantee: null,
        isFirstLoan: true,
        isCreditLoan: true,
        grantedOn: "2026-11-09",
        disbursedOn: null,
        maturesOn: null,
      },
      { now: at("2026-11-09T10:00:00") },
    );
    expect(granted.status).toBe("ANSWERED");
    expect(await kit.actions(asked.id)).toEqual(["SUBMIT", "FORWARD", "SIGN", "ANSWER", "SUPPLEMENT", "ANSWER"]);
    expect((await kit.lastEntry(asked.id)).content).toMatchObject({ answerKind: "GRANTED", onTime: true });
    const entries = await prisma.ledgerEntry.findMany({ where: { requestId: asked.id }, orderBy: { seq: "asc" } });
    expect(verifyChain(entries)).toBe(-1);
  });

  it("refuses uploads to an answer that did not ask for documents", async () => {
    const signed = await kit.signed(at("2026-11-02T10:00:00"));
    const answered = await answerRequest(prisma, a.mainBankLiaison, canDoAnswer(signed), { now: at("2026-11-03T10:00:00") });
    expect(await codeOf(upload(answered.id, "材料.pdf", PDF, at("2026-11-03T11:00:00")))).toBe("invalidState");
  });
});

describe("refusals of the documents step", () => {
  it("another enterprise's item is not found; a bank or park user may not; each writes nothing", async () => {
    const asked = await askedForDocuments(at("2026-11-02T10:00:00"), at("2026-11-03T10:00:00"));
    await upload(asked.id, "财务报表.pdf", PDF, at("2026-11-04T09:00:00"));
    const before = await footprint(asked.id);
    const input = { requestId: asked.id, version: asked.version, note: "材料" };
    const now = { now: at("2026-11-04T10:00:00") };
    expect(await codeOf(supplyDocuments(prisma, a.otherEnterpriseOwner, input, now))).toBe("notFound");
    expect(await codeOf(upload(asked.id, "x.pdf", PDF, at("2026-11-04T09:30:00"), a.otherEnterpriseOwner))).toBe("notFound");
    expect(await codeOf(supplyDocuments(prisma, a.mainBankLiaison, input, now))).toBe("forbidden");
    expect(await codeOf(supplyDocuments(prisma, a.parkStaff, input, now))).toBe("forbidden");
    expect(await codeOf(supplyDocuments(prisma, a.enterpriseOwner, { ...input, version: asked.version - 1 }, now))).toBe("conflict");
    expect(await codeOf(supplyDocuments(prisma, a.enterpriseOwner, { ...input, note: "   " }, now))).toBe("incomplete");
    expect(await footprint(asked.id)).toEqual(before);
  });

  it("the wrong state: an answer that asked for nothing, an item still with the bank, documents sent twice", async () => {
    const signed = await kit.signed(at("2026-11-02T10:00:00"));
    const note = "材料";
    expect(await codeOf(supplyDocuments(prisma, a.enterpriseOwner, { requestId: signed.id, version: signed.version, note }))).toBe(
      "invalidState",
    );
    const answered = await answerRequest(prisma, a.mainBankLiaison, canDoAnswer(signed), { now: at("2026-11-03T10:00:00") });
    const before = await footprint(answered.id);
    expect(await codeOf(supplyDocuments(prisma, a.enterpriseOwner, { requestId: answered.id, version: answered.version, note }))).toBe(
      "invalidState",
    );
    expect(await footprint(answered.id)).toEqual(before);

    const asked = await askedForDocuments(at("2026-11-02T10:00:00"), at("2026-11-03T10:00:00"));
    const sent = await supplyDocuments(
      prisma,
      a.enterpriseOwner,
      { requestId: asked.id, version: asked.version, note },
      { now: at("2026-11-04T10:00:00") },
    );
    const once = await footprint(asked.id);
    expect(await codeOf(supplyDocuments(prisma, a.enterpriseOwner, { requestId: asked.id, version: sent.version, note }))).toBe(
      "invalidState",
    );
    expect(await footprint(asked.id)).toEqual(once);
  });
});
