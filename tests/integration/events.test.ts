/**
 * Matching events on the real database: the organiser's scope (a park window only in its
 * park, another park's window neither sees nor runs it), registration capacity under concurrent
 * sign-ups (one conditional update, never read-then-write), cancel and register again,
 * attendance closes the event, only a participating bank records intentions and only for
 * an attending enterprise, an intention becomes the enterprise's item in the normal
 * workflow with the event as its source (once), and the per-event and per-bank figures
 * agree with what happened; the ranking indicator reads the same intentions.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { LedgerAction, MatchEventType, RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import { cancelEvent } from "@/lib/events/mutations/cancel-event";
import { cancelRegistration } from "@/lib/events/mutations/cancel-registration";
import { createEvent } from "@/lib/events/mutations/create-event";
import { raiseIntentionRequest } from "@/lib/events/mutations/raise-intention-request";
import { recordAttendance } from "@/lib/events/mutations/record-attendance";
import { recordIntention } from "@/lib/events/mutations/record-intention";
import { registerForEvent } from "@/lib/events/mutations/register-for-event";
import { getEventDetail } from "@/lib/events/queries/get-event-detail";
import { listEvents } from "@/lib/events/queries/list-events";
import { readEventBankFigures } from "@/lib/events/queries/read-event-bank-figures";
import { ZCreateEvent } from "@/lib/events/schemas";
import { quarterWindow } from "@/lib/ranking/quarter-window";
import { queryEventFigures } from "@/lib/ranking/queries/query-event-figures";
import { at, codeOf, createRequestWorld, type TRequestWorld } from "@/tests/factories/requests";
import { testPrisma, uniqueTag } from "@/tests/factories/users";

let prisma: PrismaClient;
let w: TRequestWorld;
const CREATED = at("2026-05-10T10:00:00");
const BEFORE = at("2026-05-15T10:00:00");
const AFTER = at("2026-05-20T18:00:00");

const eventInput = (over: Record<string, unknown> = {}) =>
  ZCreateEvent.parse({
    type: MatchEventType.MATCHMAKING,
    title: "银企对接会",
    day: "2026-05-20",
    time: "09:30",
    place: "会议中心",
    capacity: "1",
    participantOrgIds: [w.participatingBankOrgId],
    ...over,
  });

beforeAll(async () => {
  prisma = testPrisma();
  w = await createRequestWorld(prisma, uniqueTag(), { year: 2026 });
}, 120_000);

afterAll(async () => {
  await prisma?.$disconnect();
});

describe("matching events", () => {
  it("keeps a park window's event in its own park and lets no other park's window run it", async () => {
    const { eventId } = await createEvent(prisma, w.actors.parkStaff, eventInput({ parkId: w.otherParkId }), { now: CREATED });
    const row = await prisma.matchEvent.findUniqueOrThrow({ where: { id: eventId }, select: { parkId: true } });
    expect(row.parkId).toBe(w.parkId);
    expect(await codeOf(cancelEvent(prisma, w.actors.otherParkStaff, { eventId, version: 0 }, { now: BEFORE }))).toBe("forbidden");
    // Another park's window does not see it; an enterprise not yet approved cannot register.
    expect(await getEventDetail(prisma, w.actors.otherParkStaff, eventId, { now: BEFORE })).toBeNull();
    expect(
      await codeOf(
        registerForEvent(
          prisma,
          w.actors.pendingEnterpriseOwner,
          { eventId, contactName: "王", contactPhone: "13900000000" },
          { now: BEFORE },
        ),
      ),
    ).toBe("notApproved");
    expect(await codeOf(createEvent(prisma, w.actors.mainBankLiaison, eventInput(), { now: CREATED }))).toBe("forbidden");
    expect(await codeOf(createEvent(prisma, w.actors.financeAdmin, eventInput(), { now: AFTER }))).toBe("invalidInput");
    await cancelEvent(prisma, w.actors.financeStaff, { eventId, version: 0 }, { now: BEFORE });
  });

  it("gives the last seat to exactly one of many concurrent sign-ups", async () => {
    const { eventId } = await createEvent(prisma, w.actors.financeAdmin, eventInput({ capacity: "1" }), { now: CREATED });
    const attempts = [w.actors.enterpriseOwner, w.actors.otherEnterpriseOwner].flatMap((a) =>
      [1, 2, 3].map(() =>
        registerForEvent(prisma, a, { eventId, contactName: "张三", contactPhone: "13900000001" }, { now: BEFORE }).then(
          () => "ok",
          (e) => e.code as string,
        ),
      ),
    );
    const results = await Promise.all(attempts);
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    // The others queue on the event row's lock and find no seat left, or (the same
    // enterprise, once the winner has committed) find themselves registered already.
    for (const r of results.filter((x) => x !== "ok")) expect(["eventFull", "invalidState"]).toContain(r);
    expect(results).toContain("eventFull");
    const event = await prisma.matchEvent.findUniqueOrThrow({ where: { id: eventId }, select: { registeredCount: true } });
    const active = await prisma.matchEventRegistration.count({ where: { eventId, status: "REGISTERED" } });
    expect(event.registeredCount).toBe(1);
    expect(active).toBe(1);
  });

  it("registers, cancels before the start, registers again, then runs the event to a financing item", async () => {
    const { eventId } = await createEvent(prisma, w.actors.financeAdmin, eventInput({ capacity: "5", parkId: "" }), { now: CREATED });
    const reg = { eventId, contactName: "李四", contactPhone: "139 0000 0002" };
    await registerForEvent(prisma, w.actors.enterpriseOwner, reg, { now: BEFORE });
    expect(await codeOf(registerForEvent(prisma, w.actors.enterpriseOwner, reg, { now: BEFORE }))).toBe("invalidState");
    await cancelRegistration(prisma, w.actors.enterpriseOwner, { eventId }, { now: BEFORE });
    await registerForEvent(prisma, w.actors.enterpriseOwner, reg, { now: BEFORE });
    await registerForEvent(prisma, w.actors.otherEnterpriseOwner, { ...reg, contactName: "王五" }, { now: BEFORE });
    expect(await codeOf(cancelRegistration(prisma, w.actors.enterpriseOwner, { eventId }, { now: AFTER }))).toBe("registrationClosed");

    // Intentions wait for the attendance; attendance waits for the start.
    const early = await prisma.matchEvent.findUniqueOrThrow({ where: { id: eventId }, select: { version: true } });
    expect(
      await codeOf(recordAttendance(prisma, w.actors.financeAdmin, { eventId, version: early.version, attendedIds: [] }, { now: BEFORE })),
    ).toBe("invalidState");
    const intention = {
      eventId,
      enterpriseId: w.enterpriseId,
      intendedFen: "50000000",
      signedFen: "20000000",
      termMonths: 12,
      note: "已签约",
    };
    expect(await codeOf(recordIntention(prisma, w.actors.participatingBankLiaison, intention, { now: AFTER }))).toBe("invalidState");
    const regs = await prisma.matchEventRegistration.findMany({ where: { eventId }, select: { id: true, enterpriseId: true } });
    await recordAttendance(
      prisma,
      w.actors.financeAdmin,
      { eventId, version: early.version, attendedIds: regs.filter((r) => r.enterpriseId === w.enterpriseId).map((r) => r.id) },
      { now: AFTER },
    );

    // A bank not taking part, and an enterprise that did not come, are refused.
    expect(await codeOf(recordIntention(prisma, w.actors.otherBankLiaison, intention, { now: AFTER }))).toBe("forbidden");
    expect(
      await codeOf(
        recordIntention(prisma, w.actors.participatingBankLiaison, { ...intention, enterpriseId: w.otherEnterpriseId }, { now: AFTER }),
      ),
    ).toBe("invalidInput");
    expect(
      await codeOf(recordIntention(prisma, w.actors.participatingBankLiaison, { ...intention, signedFen: "60000000" }, { now: AFTER })),
    ).toBe("invalidInput");
    const { intentionId } = await recordIntention(prisma, w.actors.participatingBankLiaison, intention, { now: AFTER });

    // Another enterprise cannot raise it; the enterprise raises it once.
    expect(await codeOf(raiseIntentionRequest(prisma, w.actors.otherEnterpriseOwner, { intentionId }, { now: AFTER }))).toBe("notFound");
    const [first, second] = await Promise.all([
      raiseIntentionRequest(prisma, w.actors.enterpriseOwner, { intentionId }, { now: AFTER }).then(
        (r) => r,
        (e) => e.code as string,
      ),
      raiseIntentionRequest(prisma, w.actors.enterpriseOwner, { intentionId }, { now: AFTER }).then(
        (r) => r,
        (e) => e.code as string,
      ),
    ]);
    const created = typeof first === "string" ? second : first;
    expect([typeof first, typeof second].sort()).toEqual(["object", "string"]);
    const request = await prisma.request.findUniqueOrThrow({
      where: { id: (created as { requestId: string }).requestId },
      select: {
        status: true,
        type: true,
        amountFen: true,
        termMonths: true,
        sourceEventId: true,
        enterpriseId: true,
        parkId: true,
        ledger: { select: { action: true } },
      },
    });
    expect(request).toMatchObject({
      status: RequestStatus.SUBMITTED,
      type: RequestType.FINANCING,
      amountFen: 50000000n,
      termMonths: 12,
      sourceEventId: eventId,
      enterpriseId: w.enterpriseId,
      parkId: w.parkId,
    });
    expect(request.ledger.map((l) => l.action)).toEqual([LedgerAction.SUBMIT]);
    expect(await codeOf(recordIntention(prisma, w.actors.participatingBankLiaison, intention, { now: AFTER }))).toBe("invalidState");

    // The figures: the event's, as the list shows them, and the bank's for the quarter.
    const detail = await getEventDetail(prisma, w.actors.financeAdmin, eventId, { now: AFTER });
    expect(detail?.figures).toEqual({ registered: 2, attended: 1, intentions: 1, intendedFen: 50000000n, signedFen: 20000000n, raised: 1 });
    expect(detail?.phase).toBe("held");
    const page = await listEvents(prisma, w.actors.financeAdmin);
    expect(page.rows.find((r) => r.id === eventId)?.figures.signedFen).toBe(20000000n);
    const banks = await readEventBankFigures(prisma, { from: at("2026-04-01T00:00:00"), to: at("2026-07-01T00:00:00") });
    const bank = banks.find((b) => b.bankOrgId === w.participatingBankOrgId);
    expect(bank).toMatchObject({ intentions: 1, signedFen: 20000000n, raised: 1 });
    expect(bank!.held).toBeGreaterThanOrEqual(1);
    // The optional ranking indicator reads the same intentions.
    const indicator = (await queryEventFigures(prisma, { window: quarterWindow(2026, 2) })).find(
      (r) => r.bankOrgId === w.participatingBankOrgId,
    );
    expect(indicator).toMatchObject({ signed: 1 });
  });
});
