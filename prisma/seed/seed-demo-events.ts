/**
 * Demo matching events (对接活动) so every state of the calendar and of the event page has
 * something to show, made through the real mutations at times around the reference date:
 * open for registration, full, started and waiting for its attendance, held (attendance
 * recorded, banks' intentions and signed amounts), and cancelled. The demo enterprise
 * attended the held roadshow but has no intention yet: the demo bank records one in the
 * walkthrough and the enterprise turns it into a financing item. No request is created
 * here, so the item counts other pages show stay as they were.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { MatchEventType, OrgKind, RegistrationStatus, Role } from "@/lib/generated/prisma/enums";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import { DEMO_USERS } from "@/lib/seed/base";
import { cancelEvent } from "@/lib/events/mutations/cancel-event";
import { createEvent } from "@/lib/events/mutations/create-event";
import { recordAttendance } from "@/lib/events/mutations/record-attendance";
import { recordIntention } from "@/lib/events/mutations/record-intention";
import { registerForEvent } from "@/lib/events/mutations/register-for-event";

const at = (referenceDate: string, days: number, time = "09:30") => {
  const d = new Date(Date.parse(`${referenceDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return { day: d, time, instant: new Date(`${d}T${time}:00+08:00`) };
};
const before = (d: Date, days: number) => new Date(d.getTime() - days * 86_400_000);

async function actorOf(client: PrismaClient, where: { account?: string; orgId?: string; role?: Role }): Promise<TActorSource | null> {
  const u = await client.user.findFirst({
    where: { ...where, active: true },
    orderBy: { account: "asc" },
    select: { id: true, orgId: true, role: true, org: { select: { kind: true } } },
  });
  return u ? { userId: u.id, orgId: u.orgId, role: u.role, orgKind: u.org.kind } : null;
}

export async function seedDemoEvents(client: PrismaClient, referenceDate: string): Promise<void> {
  const [admin, pbc, park, liaison, owner] = await Promise.all([
    actorOf(client, { account: DEMO_USERS.financeAdmin.account }),
    actorOf(client, { account: DEMO_USERS.pbcStaff.account }),
    actorOf(client, { account: DEMO_USERS.parkWindow.account }),
    actorOf(client, { account: DEMO_USERS.bankLiaison.account }),
    actorOf(client, { account: DEMO_USERS.enterpriseOwner.account }),
  ]);
  if (!admin || !pbc || !park || !liaison || !owner) return;
  const parkRow = await client.park.findUnique({ where: { orgId: park.orgId }, select: { id: true } });
  if (!parkRow) return;
  // Other approved enterprises of the demo park, each with its owner (never the demo enterprise).
  const others = await client.enterprise.findMany({
    where: { parkId: parkRow.id, registrationStatus: RegistrationStatus.APPROVED, orgId: { not: owner.orgId } },
    orderBy: { uscc: "asc" },
    take: 8,
    select: { id: true, orgId: true },
  });
  const enterprises: { id: string; actor: TActorSource }[] = [];
  for (const e of others) {
    const a = await actorOf(client, { orgId: e.orgId, role: Role.ENTERPRISE_OWNER });
    if (a) enterprises.push({ id: e.id, actor: a });
  }
  const banks = await client.organization.findMany({
    where: { kind: OrgKind.BANK, parentId: null, active: true, id: { not: liaison.orgId } },
    orderBy: { name: "asc" },
    take: 2,
    select: { id: true },
  });
  const guarantor = await client.organization.findFirst({ where: { kind: OrgKind.GUARANTEE_COMPANY, active: true }, select: { id: true } });
  const otherBank = banks[0] ? await actorOf(client, { orgId: banks[0].id, role: Role.BANK_MANAGER }) : null;
  const participantOrgIds = [liaison.orgId, ...banks.map((b) => b.id), ...(guarantor ? [guarantor.id] : [])];
  const contact = (i: number) => ({
    contactName: ["张伟", "王芳", "李强", "刘洋", "陈静", "杨磊", "赵敏", "黄涛"][i % 8]!,
    contactPhone: `1390731${String(1000 + i).padStart(4, "0")}`,
  });

  const create = async (
    who: TActorSource,
    when: ReturnType<typeof at>,
    fields: {
      type: MatchEventType;
      title: string;
      description: string;
      parkId: string | null;
      place: string | null;
      online: boolean;
      capacity: number;
    },
  ) =>
    (await createEvent(client, who, { ...fields, day: when.day, time: when.time, participantOrgIds }, { now: before(when.instant, 20) }))
      .eventId;
  const register = async (eventId: string, who: TActorSource, i: number, now: Date) =>
    registerForEvent(client, who, { eventId, ...contact(i) }, { now });

  // Open: city-wide matchmaking in two weeks, a few sign-ups.
  const open = at(referenceDate, 14);
  const openId = await create(admin, open, {
    type: MatchEventType.MATCHMAKING,
    title: "专精特新企业银企对接会",
    description: "各银行推介“专精特新贷”“科技贷”等产品，企业现场对接融资需求。",
    parkId: null,
    place: "市民中心三楼报告厅",
    online: false,
    capacity: 60,
  });
  for (const [i, e] of enterprises.slice(0, 3).entries()) await register(openId, e.actor, i, before(open.instant, 5));

  // Full: a small finance lounge in the park next week.
  const full = at(referenceDate, 7, "14:30");
  const fullId = await create(park, full, {
    type: MatchEventType.FINANCE_LOUNGE,
    title: "园区金融会客厅：供应链融资专场",
    description: "主联系行和担保公司面对面解答供应链融资问题。",
    parkId: null,
    place: "园区企业服务中心二楼",
    online: false,
    capacity: 2,
  });
  for (const [i, e] of enterprises.slice(3, 5).entries()) await register(fullId, e.actor, i + 3, before(full.instant, 3));

  // Started two days ago, attendance not recorded yet.
  const waiting = at(referenceDate, -2);
  const waitingId = await create(pbc, waiting, {
    type: MatchEventType.BRIEFING,
    title: "金融知识进园区：普惠小微贷款政策宣讲",
    description: "人民银行讲解普惠小微贷款支持工具和征信知识。",
    parkId: parkRow.id,
    place: "园区管委会一楼会议室",
    online: true,
    capacity: 40,
  });
  for (const [i, e] of enterprises.slice(0, 4).entries()) await register(waitingId, e.actor, i, before(waiting.instant, 4));

  // Held a month ago: attendance, the banks' intentions and what is signed.
  const held = at(referenceDate, -30);
  const heldId = await create(admin, held, {
    type: MatchEventType.ROADSHOW,
    title: "“创投”路演暨银企签约活动",
    description: "科技型企业路演，银行和担保公司现场对接，签约授信。",
    parkId: null,
    place: null,
    online: true,
    capacity: 50,
  });
  const heldNow = before(held.instant, 6);
  await register(heldId, owner, 7, heldNow);
  for (const [i, e] of enterprises.slice(0, 4).entries()) await register(heldId, e.actor, i, heldNow);
  const registrations = await client.matchEventRegistration.findMany({
    where: { eventId: heldId },
    orderBy: { createdAt: "asc" },
    select: { id: true, enterpriseId: true },
  });
  const absent = enterprises[3]?.id;
  const after = new Date(held.instant.getTime() + 3 * 3_600_000);
  await recordAttendance(
    client,
    admin,
    {
      eventId: heldId,
      version: registrations.length,
      attendedIds: registrations.filter((r) => r.enterpriseId !== absent).map((r) => r.id),
    },
    { now: after },
  );
  const later = new Date(held.instant.getTime() + 5 * 86_400_000);
  const intend = (who: TActorSource, enterpriseId: string, intendedFen: string, signedFen: string, termMonths: number, note: string) =>
    recordIntention(client, who, { eventId: heldId, enterpriseId, intendedFen, signedFen, termMonths, note }, { now: later });
  if (enterprises[0]) await intend(liaison, enterprises[0].id, "50000000", "30000000", 12, "已签订授信协议，首笔放款 30 万元。");
  if (enterprises[1]) await intend(liaison, enterprises[1].id, "100000000", "0", 24, "待补充近两年财务报表。");
  if (otherBank && enterprises[2]) await intend(otherBank, enterprises[2].id, "200000000", "200000000", 36, "设备更新贷款已签约。");

  // Cancelled: a matchmaking the park called off.
  const cancelled = at(referenceDate, 21);
  const cancelledId = await create(park, cancelled, {
    type: MatchEventType.MATCHMAKING,
    title: "园区银企对接会（因场地调整取消）",
    description: "场地调整，活动另行通知。",
    parkId: null,
    place: "园区企业服务中心",
    online: false,
    capacity: 30,
  });
  await cancelEvent(client, park, { eventId: cancelledId, version: 0 }, { now: before(cancelled.instant, 10) });
}
