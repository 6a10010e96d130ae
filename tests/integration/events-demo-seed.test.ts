/**
 * The demo seed's matching events (prisma/seed/seed-demo-events.ts) on a freshly seeded
 * database: one in every phase the calendar shows, the held one with attendance and the
 * banks' intentions, the demo enterprise present there without an intention of its own
 * (the walkthrough records it), and no request created.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { eventPhase } from "@/lib/events/rules";
import { migrate } from "@/scripts/db/migrate";
import { seedDemoData } from "@/prisma/seed/seed-demo-data";
import { seedDemoEvents } from "@/prisma/seed/seed-demo-events";
import { createFreshDatabase, type FreshDatabase } from "./harness";

const REFERENCE_DATE = "2026-12-05";
const NOW = new Date(`${REFERENCE_DATE}T12:00:00+08:00`);

describe("the demo matching events", () => {
  let db: FreshDatabase;
  let prisma: PrismaClient;
  let requestsBefore = 0;

  beforeAll(async () => {
    db = await createFreshDatabase("events-seed");
    await migrate(db.url, { onLog: () => {} });
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }) });
    await seedDemoData(prisma, { referenceDate: REFERENCE_DATE });
    requestsBefore = await prisma.request.count();
    await seedDemoEvents(prisma, REFERENCE_DATE);
  }, 240_000);

  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  });

  it("has an event in every phase, and creates no request", async () => {
    const events = await prisma.matchEvent.findMany({ select: { status: true, startsAt: true, capacity: true, registeredCount: true } });
    expect(new Set(events.map((e) => eventPhase(e, NOW)))).toEqual(new Set(["open", "full", "awaitingAttendance", "held", "cancelled"]));
    expect(await prisma.request.count()).toBe(requestsBefore);
  });

  it("has attendance and intentions on the held event, the demo enterprise present without one", async () => {
    const held = await prisma.matchEvent.findFirstOrThrow({ where: { status: "HELD" }, select: { id: true } });
    const owner = await prisma.user.findUniqueOrThrow({ where: { account: "enterprise.owner" }, select: { orgId: true } });
    const demo = await prisma.enterprise.findUniqueOrThrow({ where: { orgId: owner.orgId }, select: { id: true } });
    const registration = await prisma.matchEventRegistration.findUniqueOrThrow({
      where: { eventId_enterpriseId: { eventId: held.id, enterpriseId: demo.id } },
      select: { attended: true },
    });
    expect(registration.attended).toBe(true);
    const intentions = await prisma.matchEventIntention.findMany({
      where: { eventId: held.id },
      select: { enterpriseId: true, signedFen: true },
    });
    expect(intentions.length).toBeGreaterThanOrEqual(2);
    expect(intentions.some((i) => i.signedFen > 0n)).toBe(true);
    expect(intentions.some((i) => i.enterpriseId === demo.id)).toBe(false);
  });
});
