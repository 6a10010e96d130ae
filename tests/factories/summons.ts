/**
 * A published Q3 2026 bulletin on the real database, for the summons tests: the world's
 * two ranked banks (main bank A through its servicing sub-branch, participating bank B),
 * items with known outcomes written straight into Request and the ledger, both quarterly
 * returns, a rule set, then compute → both reviews → publish through the real mutations.
 *
 * A's items: A1 never answered (overdue), A2 answered late after being escalated OVERDUE,
 * A3 answered on time, A4 escalated UNSOLVABLE (not a deadline miss: not counted).
 * B's item: B1 answered on time.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { LedgerAction, RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import { appendLedgerEntry } from "@/lib/ledger/mutations/append-ledger-entry";
import { computeDraftRanking } from "@/lib/ranking/mutations/compute-draft-ranking";
import { publishRanking, reviewRanking } from "@/lib/ranking/mutations/review-ranking";
import { saveRuleSet } from "@/lib/ranking/mutations/save-rule-set";
import { at, createRequestWorld, type TRequestWorld } from "./requests";
import { uniqueTag } from "./users";

export const BULLETIN_CUTOFF = at("2026-10-20T12:00:00");

export type TBulletinWorld = { w: TRequestWorld; rankingId: string; items: Record<string, { id: string; serial: string }> };

export async function createPublishedBulletin(prisma: PrismaClient): Promise<TBulletinWorld> {
  const w = await createRequestWorld(prisma, uniqueTag());
  const items: TBulletinWorld["items"] = {};
  const ledger = (key: string, action: LedgerAction, when: string, content: Record<string, unknown> = {}) =>
    appendLedgerEntry(prisma, { requestId: items[key]!.id, action, content, occurredAt: at(when) });
  const request = async (key: string, bankOrgId: string, forwardedAt: string, due: string, status: RequestStatus) => {
    const serial = `SM${w.tag}-${key}`;
    const r = await prisma.request.create({
      data: {
        serial,
        programId: w.programId,
        ruleVersionId: w.ruleVersionId,
        enterpriseId: w.enterpriseId,
        parkId: w.parkId,
        type: RequestType.CONSULTATION,
        status,
        title: `事项${key}`,
        description: "约谈测试事项",
        assignedBankId: bankOrgId,
        submittedAt: at(`${forwardedAt.slice(0, 10)}T08:00:00`),
        forwardedAt: at(forwardedAt),
        dueAt: at(due),
      },
      select: { id: true },
    });
    items[key] = { id: r.id, serial };
    await ledger(key, LedgerAction.FORWARD, forwardedAt, { primaryBankOrgId: bankOrgId });
  };
  const sub = w.servicingBankOrgId;
  await request("A1", sub, "2026-07-06T10:00:00", "2026-07-13T23:59:59.999", RequestStatus.SIGNED);
  await request("A2", sub, "2026-07-06T10:00:00", "2026-07-13T23:59:59.999", RequestStatus.ANSWERED);
  await ledger("A2", LedgerAction.ESCALATE, "2026-07-14T09:00:00", { reason: "OVERDUE" });
  await ledger("A2", LedgerAction.ANSWER, "2026-07-15T10:00:00", { answerKind: "CAN_DO", onTime: false });
  await request("A3", sub, "2026-07-06T10:00:00", "2026-07-13T23:59:59.999", RequestStatus.ANSWERED);
  await ledger("A3", LedgerAction.ANSWER, "2026-07-07T10:00:00", { answerKind: "CAN_DO", onTime: true });
  await request("A4", sub, "2026-07-20T10:00:00", "2026-07-27T23:59:59.999", RequestStatus.ANSWERED);
  await ledger("A4", LedgerAction.ESCALATE, "2026-07-22T10:00:00", { reason: "UNSOLVABLE" });
  await ledger("A4", LedgerAction.ANSWER, "2026-07-23T10:00:00", { answerKind: "CAN_DO", onTime: true });
  await request("B1", w.participatingBankOrgId, "2026-07-06T10:00:00", "2026-07-13T23:59:59.999", RequestStatus.ANSWERED);
  await ledger("B1", LedgerAction.ANSWER, "2026-07-07T10:00:00", { answerKind: "CAN_DO", onTime: true });

  await prisma.quarterlySubmission.createMany({
    data: [w.mainBankOrgId, w.participatingBankOrgId].map((bankOrgId) => ({
      programId: w.programId,
      bankOrgId,
      year: 2026,
      quarter: 3,
      status: "SUBMITTED" as const,
      submittedAt: at("2026-10-09T10:00:00"),
    })),
  });
  const a = w.actors;
  await saveRuleSet(prisma, a.financeAdmin, {
    programId: w.programId,
    name: "季度考核评分规则",
    rules: [
      { indicator: "onTimeReplyRate", rule: { kind: "proportional", points: 80, best: 100 } },
      { indicator: "overdueItems", rule: { kind: "perCount", points: 10, deduction: 5 } },
      { indicator: "escalatedItems", rule: { kind: "perCount", points: 10, deduction: 5 } },
    ],
  });
  const q3 = { programId: w.programId, year: 2026, quarter: 3 as const };
  const { rankingId } = await computeDraftRanking(prisma, a.financeAdmin, q3, { now: BULLETIN_CUTOFF });
  await reviewRanking(prisma, a.financeAdmin, rankingId, { now: BULLETIN_CUTOFF });
  await reviewRanking(prisma, a.centralBankStaff, rankingId, { now: BULLETIN_CUTOFF });
  await publishRanking(prisma, a.financeAdmin, rankingId, { now: BULLETIN_CUTOFF });
  return { w, rankingId, items };
}
