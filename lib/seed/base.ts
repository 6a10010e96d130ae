/**
 * The fixed part of the demo: program and rules, finance office, central bank branch,
 * ten parks, twelve banks with their sub-branches, staff users, contacts, products,
 * pairings, visits, the calendar, scoring rules and last quarter's submissions.
 * Small (a few hundred rows) whatever the enterprise count.
 */

import type { Prisma } from "@/lib/generated/prisma/client";
import { workingDaysBetween } from "@/lib/calendar/working-days";
import { CN_OFFICIAL_SCHEDULES, CN_PUBLISHED_YEARS, getCnOfficialCalendar } from "@/lib/calendar/cn-official";
import { BankLevel, CalendarDayKind, OrgKind, PairingRole, PhaseKind, ProgramLevel, Role } from "@/lib/generated/prisma/enums";
import { BANKS, CITY, PARKS, PRODUCT_KINDS, PROGRAM, subBranchName } from "./catalog";
import { landline, personName, randomMobile, uniqueMobile } from "./names";
import { Rng } from "./random";
import { buildQuarterlySubmissions } from "./quarterly";
import { buildCreditTargets } from "./targets";
import { buildEvaluations } from "./evaluations";
import { SUPPORT_START_MONTH } from "./support";
import { defaultScoringRules } from "./scoring";
import { DAY_MS, addDays, dateOnly, minDay, previousQuarter, quarterFirstDay, quarterOf, shanghaiDay, shanghaiInstant } from "./time";
import { emptyRows, type TBankCtx, type TParkCtx, type TSeedContext, type TSeedOptions, type TSeedRows, type TSubBranchCtx } from "./types";
import { afterWorkingDays, workTimeOn } from "./clock";
import { buildQuestionnaires } from "./questionnaires";

/** Fixed names of the five demo logins (and the enterprise member). */
export const DEMO_USERS = {
  financeAdmin: { account: "finance.admin", name: "周明远" },
  pbcStaff: { account: "pbc.staff", name: "陈思雨" },
  bankLiaison: { account: "bank.liaison", name: "刘晓峰" },
  parkWindow: { account: "park.window", name: "王丽娟" },
  enterpriseOwner: { account: "enterprise.owner", name: "李建华" },
  enterpriseMember: { account: "enterprise.member", name: "李欣怡" },
} as const;

/** Users of the base data get mobile numbers 0…999; enterprise users start here. */
export const ENTERPRISE_USER_INDEX_BASE = 1000;

export function buildBase(options: TSeedOptions): { ctx: TSeedContext; rows: TSeedRows } {
  const rng = new Rng(options.seed, "base");
  const rows = emptyRows();
  const calendar = getCnOfficialCalendar();

  const referenceDay = options.referenceDate;
  const year = Number(referenceDay.slice(0, 4));
  const nowMs = shanghaiInstant(referenceDay);
  const windowStartDay = quarterFirstDay(previousQuarter(quarterOf(referenceDay)));
  const setupDay = minDay(`${year}-02-10`, windowStartDay);
  const setupMs = shanghaiInstant(setupDay, 9);
  const setup = new Date(setupMs);
  const implementationStartMs = shanghaiInstant(`${year}-04-01`);
  const past = (ms: number) => ms < nowMs;

  let userIndex = 0;
  const addUser = (orgId: string, role: Role, account: string, name: string): string => {
    const id = rng.uuid();
    rows.user.push({
      id,
      orgId,
      role,
      account,
      name,
      mobile: uniqueMobile(userIndex++),
      recoveryCodes: [],
      createdAt: setup,
      updatedAt: setup,
    });
    return id;
  };
  const addOrg = (
    kind: OrgKind,
    name: string,
    shortName: string | null,
    extra: { parentId?: string; bankLevel?: BankLevel } = {},
  ): string => {
    const id = rng.uuid();
    rows.organization.push({
      id,
      kind,
      name,
      shortName,
      parentId: extra.parentId ?? null,
      bankLevel: extra.bankLevel ?? null,
      createdAt: setup,
      updatedAt: setup,
    });
    return id;
  };

  // ── government ──
  const financeOrgId = addOrg(OrgKind.FINANCE_OFFICE, CITY.financeOffice.name, CITY.financeOffice.shortName);
  const pbcOrgId = addOrg(OrgKind.CENTRAL_BANK, CITY.centralBank.name, CITY.centralBank.shortName);
  const guaranteeOrgId = addOrg(OrgKind.GUARANTEE_COMPANY, CITY.guaranteeCompany.name, CITY.guaranteeCompany.shortName);
  const financeAdminUserId = addUser(financeOrgId, Role.FINANCE_ADMIN, DEMO_USERS.financeAdmin.account, DEMO_USERS.financeAdmin.name);
  const financeStaffUserId = addUser(financeOrgId, Role.FINANCE_STAFF, "finance.staff", personName(rng));
  addUser(financeOrgId, Role.FINANCE_STAFF, "finance.staff2", personName(rng));
  const pbcStaffUserId = addUser(pbcOrgId, Role.CENTRAL_BANK_STAFF, DEMO_USERS.pbcStaff.account, DEMO_USERS.pbcStaff.name);
  addUser(pbcOrgId, Role.CENTRAL_BANK_STAFF, "pbc.staff2", personName(rng));

  // ── banks: top organization, then its sub-branches ──
  const banks: TBankCtx[] = [];
  const subBranches: TSubBranchCtx[] = [];
  BANKS.forEach((def, index) => {
    const orgId = addOrg(OrgKind.BANK, def.name, def.short, { bankLevel: def.headOffice ? BankLevel.HEAD_OFFICE : BankLevel.BRANCH });
    const managerName = personName(rng);
    const managerUserId = addUser(orgId, Role.BANK_MANAGER, `${def.code}.manager`, managerName);
    const bank: TBankCtx = { def, index, orgId, managerUserId, presidentName: personName(rng), subBranches: [], products: [] };
    for (let j = 0; j < def.subBranches; j++) {
      const name = subBranchName(def, j);
      const subOrgId = addOrg(OrgKind.BANK, name, null, { parentId: orgId, bankLevel: BankLevel.SUB_BRANCH });
      const isDemo = index === 0 && j === 0;
      const liaisonName = isDemo ? DEMO_USERS.bankLiaison.name : personName(rng);
      const account = isDemo ? DEMO_USERS.bankLiaison.account : `${def.code}.s${j + 1}.liaison`;
      const liaisonUserId = addUser(subOrgId, Role.BANK_LIAISON, account, liaisonName);
      const sb: TSubBranchCtx = { orgId: subOrgId, name, liaisonUserId, liaisonName, flatIndex: subBranches.length };
      bank.subBranches.push(sb);
      subBranches.push(sb);
    }
    // The city-level bank has a liaison too (it sees its sub-branches' items).
    addUser(orgId, Role.BANK_LIAISON, `${def.code}.liaison`, personName(rng));
    banks.push(bank);
  });

  // ── parks ──
  const parks: TParkCtx[] = [];
  PARKS.forEach((def, index) => {
    const orgId = addOrg(OrgKind.PARK, `${def.name}管理委员会`, def.shortName);
    const parkId = rng.uuid();
    const staffUserId = addUser(
      orgId,
      Role.PARK_STAFF,
      index === 0 ? DEMO_USERS.parkWindow.account : `park${String(index + 1).padStart(2, "0")}.window`,
      index === 0 ? DEMO_USERS.parkWindow.name : personName(rng),
    );
    rows.park.push({
      id: parkId,
      orgId,
      code: def.code,
      district: def.district,
      address: def.address,
      windowName: `${def.shortName}企业融资服务窗口`,
      windowPhone: landline(rng, CITY.areaCode),
    });
    parks.push({ def, index, orgId, parkId, staffUserId, mainBank: index, participating: [] });
  });
  addUser(parks[0]!.orgId, Role.PARK_STAFF, "park01.staff", personName(rng));

  // ── program and rules ──
  const programId = rng.uuid();
  const ruleVersionId = rng.uuid();
  rows.program.push({
    id: programId,
    name: PROGRAM.name,
    docNumber: PROGRAM.docNumber(year),
    level: ProgramLevel.CITY,
    year,
    leadUnits: [...PROGRAM.leadUnits],
    description: PROGRAM.description,
    createdAt: setup,
    updatedAt: setup,
  });
  const phases: Array<[PhaseKind, string, string]> = [
    [PhaseKind.PREPARATION, `${year}-02-01`, `${year}-03-31`],
    [PhaseKind.IMPLEMENTATION, `${year}-04-01`, `${year}-11-30`],
    [PhaseKind.ASSESSMENT, `${year}-12-01`, `${year}-12-31`],
  ];
  for (const [kind, from, to] of phases) {
    rows.programPhase.push({ id: rng.uuid(), programId, kind, startsOn: dateOnly(from), endsOn: dateOnly(to) });
  }
  const rules = {
    replyDeadlineDays: 5,
    escalateAfterDays: 2,
    bulletinAfterRemindDays: 5,
    autoCloseUnratedDays: 10,
    parkReviewDeadlineDays: 2,
    supplementDeadlineDays: 10,
  };
  rows.programRuleVersion.push({
    id: ruleVersionId,
    programId,
    version: 1,
    ...rules,
    quarterlyWindowDays: 7,
    renewalLeadDays: 30,
    // 1+1 monthly reports from August, due at month end, reviewed by the central bank branch.
    supportReportStartMonth: SUPPORT_START_MONTH,
    supportReportDueDay: 31,
    supportReviewOffice: 0,
    bottomListSize: 5,
    effectiveFrom: new Date(shanghaiInstant(minDay(`${year}-02-01`, windowStartDay))),
    createdById: financeAdminUserId,
    createdAt: setup,
  });
  rows.scoringRuleSet.push({
    id: rng.uuid(),
    programId,
    version: 1,
    name: `${year}年度银行机构结对帮扶考核评分规则`,
    rules: defaultScoringRules() as unknown as Prisma.InputJsonValue,
    createdById: financeAdminUserId,
    createdAt: setup,
  });

  // ── calendar (the official schedules the deadlines were computed with) ──
  for (const y of CN_PUBLISHED_YEARS) {
    const s = CN_OFFICIAL_SCHEDULES[y]!;
    // Every official schedule counts as published; the date is the notice's when the
    // source names one, else 1 December of the year before.
    const published = /(\d{4}-\d{2}-\d{2})/.exec(s.source)?.[1];
    const at = new Date(shanghaiInstant(published ?? `${y - 1}-12-01`, 9));
    rows.calendarYear.push({ year: y, source: s.source, publishedAt: at, updatedAt: at });
    for (const d of s.holidays)
      rows.calendarDay.push({ date: dateOnly(d), kind: CalendarDayKind.HOLIDAY, name: s.names[d] ?? null, updatedAt: at });
    for (const d of s.workdays)
      rows.calendarDay.push({
        date: dateOnly(d),
        kind: CalendarDayKind.WORKDAY,
        name: s.adjustedFor[d] ? `${s.adjustedFor[d]}调休上班` : null,
        updatedAt: at,
      });
  }

  // ── park–bank pairings: park i's main bank is bank i; participants balance the load ──
  const pairingCount: number[] = BANKS.map((_, b) => (b < PARKS.length ? 1 : 0));
  const lockedAt = past(implementationStartMs) ? new Date(implementationStartMs) : null;
  for (const park of parks) {
    const n = rng.int(2, 3);
    const candidates = BANKS.map((_, b) => b).filter((b) => b !== park.mainBank);
    const order = rng.sample(candidates, candidates.length).sort((a, b) => (pairingCount[a] as number) - (pairingCount[b] as number));
    park.participating = order.slice(0, n).sort((a, b) => a - b);
    for (const b of park.participating) pairingCount[b] = (pairingCount[b] as number) + 1;
    for (const [b, role] of [
      [park.mainBank, PairingRole.MAIN],
      ...park.participating.map((p) => [p, PairingRole.PARTICIPATING] as const),
    ] as const) {
      rows.parkBankPairing.push({
        id: rng.uuid(),
        programId,
        year,
        parkId: park.parkId,
        bankOrgId: banks[b]!.orgId,
        role,
        lockedAt,
        createdAt: setup,
      });
    }
  }

  // ── contacts (first/second responsible person, department, liaison), some changes filed late ──
  for (const bank of banks) {
    const second = rows.user.find((u) => u.id === bank.managerUserId)!.name;
    const liaison = personName(rng);
    const initialDay = addDays(setupDay, -rng.int(0, 5));
    const pushContact = (
      bankOrgId: string,
      first: string,
      sec: string,
      li: string,
      dept: string,
      effectiveDay: string,
      filedDays: number,
    ) => {
      const filed = afterWorkingDays(rng, calendar, shanghaiInstant(effectiveDay, 9), filedDays);
      const late = workingDaysBetween(new Date(shanghaiInstant(effectiveDay, 12)), new Date(filed), calendar) > 3;
      rows.bankContact.push({
        id: rng.uuid(),
        bankOrgId,
        firstPersonName: first,
        firstPersonTitle: "行长",
        firstPersonMobile: randomMobile(rng),
        secondPersonName: sec,
        secondPersonTitle: "分管信贷副行长",
        secondPersonMobile: randomMobile(rng),
        department: dept,
        liaisonName: li,
        liaisonMobile: randomMobile(rng),
        liaisonPhone: landline(rng, CITY.areaCode),
        effectiveOn: dateOnly(effectiveDay),
        filedAt: new Date(filed),
        filedLate: late,
        createdAt: new Date(filed),
      });
    };
    pushContact(
      bank.orgId,
      bank.presidentName,
      second,
      liaison,
      rng.pick(["普惠金融事业部", "公司业务部", "小企业金融部"]),
      initialDay,
      rng.int(0, 2),
    );
    // A change of liaison during the window: filed within 3 working days, or not.
    const changeDay = addDays(windowStartDay, rng.int(10, 60));
    if (rng.chance(0.45) && past(shanghaiInstant(changeDay, 9) + 12 * DAY_MS)) {
      pushContact(
        bank.orgId,
        bank.presidentName,
        second,
        personName(rng),
        "普惠金融事业部",
        changeDay,
        rng.chance(0.4) ? rng.int(4, 8) : rng.int(0, 3),
      );
    }
    for (const sb of bank.subBranches) {
      pushContact(sb.orgId, personName(rng), personName(rng), sb.liaisonName, "营业部", initialDay, rng.int(0, 3));
    }
  }

  // ── products ──
  for (const bank of banks) {
    const kinds = rng.sample(PRODUCT_KINDS, rng.int(2, 4));
    for (const k of kinds) {
      const name = `${bank.def.short}${k.kind}`;
      bank.products.push({ name, kind: k.kind });
      rows.bankProduct.push({
        id: rng.uuid(),
        bankOrgId: bank.orgId,
        name,
        kind: k.kind,
        minAmountFen: BigInt(k.minWan) * 1_000_000n,
        maxAmountFen: BigInt(k.maxWan) * 1_000_000n,
        minTermMonths: k.minTerm,
        maxTermMonths: k.maxTerm,
        minRateBpOverLpr: k.minBp,
        maxRateBpOverLpr: k.maxBp,
        collateral: k.collateral,
        targets: k.targets,
        howToApply: k.howToApply,
        createdAt: setup,
        updatedAt: setup,
      });
    }
  }

  // ── half-yearly visits led by the main bank's president ──
  // Every state the pages show, by park (no extra random draws, so the rest of the city
  // stays as it was): confirmed by the bank; the second visit of every third park still
  // waiting for the bank's confirmation; the first visit of another third led by a vice
  // president, flagged against the first responsible person on file.
  for (const park of parks) {
    const bank = banks[park.mainBank]!;
    let visitNo = 0;
    for (const [from, span] of [
      [`${year}-04-08`, 45],
      [`${year}-09-01`, 40],
    ] as const) {
      const t = workTimeOn(rng, addDays(from, rng.int(0, span)));
      if (!past(t)) continue;
      visitNo++;
      const pending = park.index % 3 === 1 && visitNo === 2;
      const flagged = park.index % 3 === 2 && visitNo === 1;
      rows.parkVisit.push({
        id: rng.uuid(),
        parkId: park.parkId,
        bankOrgId: bank.orgId,
        visitedOn: dateOnly(shanghaiDay(t)),
        leaderName: flagged ? `${bank.presidentName.slice(0, 1)}副行长` : bank.presidentName,
        summary: `${bank.def.short}行长${bank.presidentName}带队，会同市地方金融管理局、人民银行云溪市分行和${CITY.guaranteeCompany.shortName}走访${park.def.shortName}${rng.int(4, 12)}家企业，收集融资需求${rng.int(3, 15)}项，形成园区帮扶方案。`,
        createdAt: new Date(t + 3 * 3_600_000),
        status: pending ? "RECORDED" : "CONFIRMED",
        expectedLeaderName: bank.presidentName,
        leaderMismatch: flagged,
        recordedByOrgId: park.orgId,
        recordedById: park.staffUserId,
        confirmedByOrgId: pending ? null : bank.orgId,
        confirmedAt: pending ? null : new Date(t + 27 * 3_600_000),
        participantOrgIds: [financeOrgId, pbcOrgId, guaranteeOrgId],
        enterpriseIds: [],
      });
    }
  }

  const ctx: TSeedContext = {
    options,
    year,
    nowMs,
    referenceDay,
    windowStartDay,
    setupDay,
    implementationStartMs,
    calendar,
    programId,
    ruleVersionId,
    rules,
    financeOrgId,
    financeAdminUserId,
    financeStaffUserId,
    pbcOrgId,
    pbcStaffUserId,
    parks,
    banks,
    subBranches,
  };
  buildQuarterlySubmissions(ctx, rows, rng);
  buildCreditTargets(ctx, rows);
  buildEvaluations(ctx, rows);
  ctx.questionnaires = buildQuestionnaires(ctx, rows);
  return { ctx, rows };
}
