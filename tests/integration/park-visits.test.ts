/**
 * Park visits on the real database: the park window records, the bank confirms (never the
 * recording side, another bank or another park, never twice), a finding becomes an item
 * that runs the normal workflow to the bank, a leader other than the first responsible
 * person is flagged, the half-year matrix agrees with an independent statement, and the
 * reminder of the deadline scan is sent once per pairing and half-year.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { BankLevel, OrgKind, PairingRole, RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import { halfYearOf } from "@/lib/dashboard/park-visits";
import { forwardRequest } from "@/lib/requests/mutations/park-steps";
import { scanDeadlines } from "@/lib/requests/mutations/scan-deadlines";
import { confirmVisit } from "@/lib/visits/mutations/confirm-visit";
import { raiseFindingItem } from "@/lib/visits/mutations/raise-finding-item";
import { recordVisit } from "@/lib/visits/mutations/record-visit";
import { getVisitDetail } from "@/lib/visits/queries/get-visit-detail";
import { listVisits } from "@/lib/visits/queries/list-visits";
import { readVisitMatrix } from "@/lib/visits/queries/read-visit-matrix";
import { quarterWindow } from "@/lib/ranking/quarter-window";
import { queryVisitFigures } from "@/lib/ranking/queries/query-visit-figures";
import { ZRecordVisit } from "@/lib/visits/schemas";
import { at, codeOf, createRequestWorld, type TRequestWorld } from "@/tests/factories/requests";
import { testPrisma, uniqueTag } from "@/tests/factories/users";

let prisma: PrismaClient;
let w: TRequestWorld;
let uscc: string;
let pendingBankId: string;
let idleBankId: string;
const NOW = at("2026-05-20T10:00:00");

const input = (over: Record<string, unknown> = {}) =>
  ZRecordVisit.parse({
    counterpartId: w.mainBankOrgId,
    visitedOn: "2026-05-18",
    leaderName: "李 行长",
    participantOrgIds: [w.financeOrgId, w.centralBankOrgId, w.participatingBankOrgId],
    enterprises: uscc,
    findings: "企业A流动资金紧张，需要续贷\n园区缺少融资担保服务",
    ...over,
  });

beforeAll(async () => {
  prisma = testPrisma();
  const tag = uniqueTag();
  w = await createRequestWorld(prisma, tag, { year: 2026 });
  uscc = (await prisma.enterprise.findUniqueOrThrow({ where: { id: w.enterpriseId }, select: { uscc: true } })).uscc;
  await prisma.bankContact.create({
    data: {
      bankOrgId: w.mainBankOrgId,
      firstPersonName: "李行长",
      firstPersonTitle: "行长",
      secondPersonName: "赵副行长",
      secondPersonTitle: "副行长",
      department: "普惠金融部",
      liaisonName: "联络员",
      effectiveOn: new Date("2026-01-01T00:00:00Z"),
    },
  });
  const bank = async (name: string) =>
    (
      await prisma.organization.create({
        data: { kind: OrgKind.BANK, name: `${name} ${tag}`, bankLevel: BankLevel.BRANCH },
        select: { id: true },
      })
    ).id;
  pendingBankId = await bank("待确认行");
  idleBankId = await bank("未走访行");
  await prisma.parkBankPairing.createMany({
    data: [pendingBankId, idleBankId].map((bankOrgId) => ({
      programId: w.programId,
      year: 2026,
      parkId: w.parkId,
      bankOrgId,
      role: PairingRole.PARTICIPATING,
    })),
  });
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("recording and confirming a visit", () => {
  let visitId: string;

  it("the park window records a visit led by the first responsible person: not flagged, waiting for the bank", async () => {
    const recorded = await recordVisit(prisma, w.actors.parkStaff, input(), { now: NOW });
    visitId = recorded.visitId;
    expect(recorded.leaderMismatch).toBe(false);
    const detail = await getVisitDetail(prisma, w.actors.mainBankParentLiaison, visitId);
    expect(detail).toMatchObject({ status: "RECORDED", confirmer: "bank", expectedLeaderName: "李行长", leaderMismatch: false });
    expect(detail!.findings.map((f) => f.text)).toEqual(["企业A流动资金紧张，需要续贷", "园区缺少融资担保服务"]);
    expect(detail!.enterprises.map((e) => e.id)).toEqual([w.enterpriseId]);
    // The bank is told to confirm.
    const notes = await prisma.notification.count({ where: { dedupeKey: { startsWith: `visit.recorded:${visitId}:` } } });
    expect(notes).toBeGreaterThan(0);
  });

  it("refuses a bank the park is not paired with, a future day and an enterprise of another park", async () => {
    expect(await codeOf(recordVisit(prisma, w.actors.parkStaff, input({ counterpartId: w.otherBankOrgId }), { now: NOW }))).toBe(
      "notPaired",
    );
    expect(await codeOf(recordVisit(prisma, w.actors.parkStaff, input({ visitedOn: "2026-05-21" }), { now: NOW }))).toBe("invalidInput");
    expect(await codeOf(recordVisit(prisma, w.actors.parkStaff, input({ enterprises: "91000000000000000X" }), { now: NOW }))).toBe(
      "invalidInput",
    );
    expect(await codeOf(recordVisit(prisma, w.actors.enterpriseOwner, input(), { now: NOW }))).toBe("forbidden");
  });

  it("another park's window and another bank do not find the visit; the recording side may not confirm it", async () => {
    expect(await getVisitDetail(prisma, w.actors.otherParkStaff, visitId)).toBeNull();
    expect(await codeOf(confirmVisit(prisma, w.actors.otherParkStaff, { visitId, version: 0 }))).toBe("notFound");
    expect(await codeOf(confirmVisit(prisma, w.actors.otherBankLiaison, { visitId, version: 0 }))).toBe("notFound");
    expect(await codeOf(confirmVisit(prisma, w.actors.parkStaff, { visitId, version: 0 }))).toBe("forbidden");
    expect(await codeOf(confirmVisit(prisma, w.actors.financeAdmin, { visitId, version: 0 }))).toBe("forbidden");
    const finding = (await getVisitDetail(prisma, w.actors.parkStaff, visitId))!.findings[0]!;
    const raise = {
      findingId: finding.id,
      enterpriseId: w.enterpriseId,
      type: RequestType.DIFFICULTY,
      title: "续贷",
      description: "流动资金紧张",
    };
    // Not before the bank confirmed it, and never for another park.
    expect(await codeOf(raiseFindingItem(prisma, w.actors.parkStaff, raise, { now: NOW }))).toBe("invalidState");
    expect(await codeOf(raiseFindingItem(prisma, w.actors.otherParkStaff, raise, { now: NOW }))).toBe("notFound");
  });

  it("the bank confirms once: a stale version is a conflict, a second confirmation the wrong state", async () => {
    expect(await codeOf(confirmVisit(prisma, w.actors.mainBankParentLiaison, { visitId, version: 5 }))).toBe("conflict");
    const confirmed = await confirmVisit(prisma, w.actors.mainBankParentLiaison, { visitId, version: 0 }, { now: NOW });
    expect(confirmed.version).toBe(1);
    expect(await codeOf(confirmVisit(prisma, w.actors.mainBankParentLiaison, { visitId, version: 1 }))).toBe("invalidState");
    const audit = await prisma.auditLog.count({ where: { action: "visits.confirm", targetId: visitId } });
    expect(audit).toBe(1);
  });

  it("a finding becomes the enterprise's item with the visit as its source, and the normal forward sends it to the bank", async () => {
    const finding = (await getVisitDetail(prisma, w.actors.parkStaff, visitId))!.findings[0]!;
    const raise = {
      findingId: finding.id,
      enterpriseId: w.enterpriseId,
      type: RequestType.DIFFICULTY,
      title: "续贷",
      description: "流动资金紧张",
    };
    expect(await codeOf(raiseFindingItem(prisma, w.actors.parkStaff, { ...raise, enterpriseId: w.otherEnterpriseId }, { now: NOW }))).toBe(
      "invalidInput",
    );
    const { requestId } = await raiseFindingItem(prisma, w.actors.parkStaff, raise, { now: NOW });
    const item = await prisma.request.findUniqueOrThrow({
      where: { id: requestId },
      select: { status: true, sourceVisitId: true, version: true, enterpriseId: true },
    });
    expect(item).toMatchObject({ status: RequestStatus.SUBMITTED, sourceVisitId: visitId, enterpriseId: w.enterpriseId });
    const ledger = await prisma.ledgerEntry.findMany({ where: { requestId }, select: { action: true, content: true } });
    expect(ledger).toEqual([{ action: "SUBMIT", content: expect.objectContaining({ sourceVisitId: visitId }) }]);
    expect(await codeOf(raiseFindingItem(prisma, w.actors.parkStaff, raise, { now: NOW }))).toBe("invalidState");
    const forwarded = await forwardRequest(
      prisma,
      w.actors.parkStaff,
      { requestId, version: item.version, bankOrgId: null, copyParticipating: false, note: null },
      { now: NOW },
    );
    expect(forwarded.status).toBe(RequestStatus.FORWARDED);
    const assigned = await prisma.request.findUniqueOrThrow({ where: { id: requestId }, select: { assignedBankId: true } });
    expect(assigned.assignedBankId).toBe(w.servicingBankOrgId);
    const after = await getVisitDetail(prisma, w.actors.parkStaff, visitId);
    expect(after!.findings[0]!.item?.id).toBe(requestId);
    expect(after!.findings[1]!.item).toBeNull();
  });

  it("a bank records a visit led by someone else: flagged, not refused, and the park confirms it", async () => {
    const recorded = await recordVisit(
      prisma,
      w.actors.mainBankParentLiaison,
      input({
        counterpartId: w.parkId,
        visitedOn: "2026-03-10",
        leaderName: "王副行长",
        participantOrgIds: [],
        enterprises: "",
        findings: "",
      }),
      { now: NOW },
    );
    expect(recorded.leaderMismatch).toBe(true);
    expect(await codeOf(confirmVisit(prisma, w.actors.mainBankParentLiaison, { visitId: recorded.visitId, version: 0 }))).toBe("forbidden");
    await confirmVisit(prisma, w.actors.parkStaff, { visitId: recorded.visitId, version: 0 }, { now: NOW });
    // A pending one for another paired bank.
    await recordVisit(
      prisma,
      w.actors.parkStaff,
      input({ counterpartId: pendingBankId, participantOrgIds: [], enterprises: "", findings: "" }),
      { now: NOW },
    );
    const page = await listVisits(prisma, w.actors.parkStaff);
    expect(page.rows.map((r) => r.status).sort()).toEqual(["CONFIRMED", "CONFIRMED", "RECORDED"]);
    expect((await listVisits(prisma, w.actors.otherParkStaff)).rows).toEqual([]);
  });
});

describe("the half-year matrix", () => {
  it("agrees with an independent count per pairing, and says visited / flagged / pending / not visited", async () => {
    const half = halfYearOf(NOW);
    const matrix = await readVisitMatrix(prisma, w.programId, half);
    const independent = await prisma.$queryRawUnsafe<
      { parkId: string; bankOrgId: string; visited: number; flagged: number; pending: number }[]
    >(
      `SELECT p."parkId"::text AS "parkId", p."bankOrgId"::text AS "bankOrgId",
              (SELECT count(*) FROM "ParkVisit" v WHERE v."parkId" = p."parkId" AND v."visitedOn" >= $2::date AND v."visitedOn" <= $3::date
                 AND (v."bankOrgId" = p."bankOrgId" OR v."participantOrgIds" @> ARRAY[p."bankOrgId"])
                 AND v.status = 'CONFIRMED' AND v."leaderMismatch" = false)::int AS visited,
              (SELECT count(*) FROM "ParkVisit" v WHERE v."parkId" = p."parkId" AND v."visitedOn" >= $2::date AND v."visitedOn" <= $3::date
                 AND (v."bankOrgId" = p."bankOrgId" OR v."participantOrgIds" @> ARRAY[p."bankOrgId"])
                 AND v.status = 'CONFIRMED' AND v."leaderMismatch" = true)::int AS flagged,
              (SELECT count(*) FROM "ParkVisit" v WHERE v."parkId" = p."parkId" AND v."visitedOn" >= $2::date AND v."visitedOn" <= $3::date
                 AND (v."bankOrgId" = p."bankOrgId" OR v."participantOrgIds" @> ARRAY[p."bankOrgId"])
                 AND v.status = 'RECORDED')::int AS pending
         FROM "ParkBankPairing" p WHERE p."programId" = $1::uuid AND p.year = 2026 AND p."endedAt" IS NULL`,
      w.programId,
      half.firstDay,
      half.lastDay,
    );
    const key = (r: { parkId: string; bankOrgId: string }) => `${r.parkId}/${r.bankOrgId}`;
    const got = new Map(matrix.map((c) => [key(c), { visited: c.visited, flagged: c.flagged, pending: c.pending }]));
    expect(got.size).toBe(independent.length);
    for (const row of independent)
      expect(got.get(key(row)), key(row)).toEqual({ visited: row.visited, flagged: row.flagged, pending: row.pending });
    const state = (bankOrgId: string) => matrix.find((c) => c.parkId === w.parkId && c.bankOrgId === bankOrgId)?.state;
    expect(state(w.mainBankOrgId)).toBe("visited");
    expect(state(w.participatingBankOrgId)).toBe("visited");
    expect(state(pendingBankId)).toBe("pending");
    expect(state(idleBankId)).toBe("notVisited");
    expect(matrix.find((c) => c.bankOrgId === w.mainBankOrgId)).toMatchObject({ visited: 1, flagged: 1 });
  });
});

describe("the park visits indicator", () => {
  it("counts the main-bank parks with a confirmed visit in the quarter's half-year, up to the quarter's end", async () => {
    const rows = await queryVisitFigures(prisma, { programId: w.programId, window: quarterWindow(2026, 2) });
    expect(rows.find((r) => r.bankOrgId === w.mainBankOrgId)).toEqual({ bankOrgId: w.mainBankOrgId, parks: 1, visited: 1 });
    // Only main pairings: a participating bank has no figure.
    expect(rows.find((r) => r.bankOrgId === w.participatingBankOrgId)).toBeUndefined();
    // The first quarter ended before the May visit, and the March visit of the bank was confirmed.
    const q1 = await queryVisitFigures(prisma, { programId: w.programId, window: quarterWindow(2026, 1) });
    expect(q1.find((r) => r.bankOrgId === w.mainBankOrgId)).toMatchObject({ parks: 1, visited: 1 });
    // The second half-year starts afresh.
    const q3 = await queryVisitFigures(prisma, { programId: w.programId, window: quarterWindow(2026, 3) });
    expect(q3.find((r) => r.bankOrgId === w.mainBankOrgId)).toMatchObject({ parks: 1, visited: 0 });
  });
});

describe("the half-yearly reminder", () => {
  it("is sent once per main pairing without a visit, from a month before the half-year ends", async () => {
    const key = `visit.due:2026H2:${w.parkId}:${w.mainBankOrgId}:`;
    const count = () => prisma.notification.count({ where: { dedupeKey: { startsWith: key } } });
    await scanDeadlines(prisma, { now: at("2026-11-20T09:00:00") });
    expect(await count()).toBe(0); // too early
    const first = await scanDeadlines(prisma, { now: at("2026-12-01T09:00:00") });
    expect(first.visitsReminded).toBeGreaterThanOrEqual(1);
    const sent = await count();
    expect(sent).toBe(2); // the main bank's liaison and the park window
    await scanDeadlines(prisma, { now: at("2026-12-02T09:00:00") });
    expect(await count()).toBe(sent);
    // A pairing visited this half-year is not reminded (the first half's visits do not count for the second).
    expect(
      await prisma.notification.count({ where: { dedupeKey: { startsWith: `visit.due:2026H2:${w.parkId}:${pendingBankId}:` } } }),
    ).toBe(0);
  });
});
