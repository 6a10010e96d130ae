/**
 * Enterprises with everything that hangs off them: organization, owner account, class
 * history, "1+1" pairings, requests with routes, ledgers and loans. Enterprise i draws
 * only from its own random stream, so any range [from, to) can be built on its own.
 *
 * Enterprise 0 is the demo enterprise (./demo.ts).
 */

import { buildSupportRows } from "./support";
import { buildQuestionnaireResponses } from "./questionnaires";
import { EnterpriseSize, OrgKind, RegistrationStatus, Role, SupportClass } from "@/lib/generated/prisma/enums";
import { USCC_CHARSET, makeUscc } from "@/lib/registry/uscc";
import { DEMO_USERS, ENTERPRISE_USER_INDEX_BASE } from "./base";
import { CITY } from "./catalog";
import { afterWorkingDays, workTimeOn } from "./clock";
import { SECTIONS, SECTION_WEIGHTS, type TDivision, type TSection } from "./industries";
import { companyName, cooperativeName, personName, randomMobile, uniqueMobile } from "./names";
import { Rng } from "./random";
import { DEMO_ENTERPRISE_NAME, demoNotifications, demoRequests } from "./demo";
import { drawPlan, type TEnterpriseRef, type TRequestPlan } from "./plan";
import { simulateRequest, type TSimulatedRequest } from "./requests";
import { DAY_MS, addDays, dateOnly, shanghaiInstant } from "./time";
import type { TSeedContext, TSeedRows } from "./types";
import { buildRecordedLoans } from "./recorded-loans";

/** Enterprises below this index are always approved (they carry the guaranteed pairings). */
const ALWAYS_APPROVED = 64;

export const TAGS = {
  srdi: "专精特新",
  hightech: "高新技术企业",
  techSme: "科技型中小企业",
  littleGiant: "专精特新“小巨人”",
} as const;

export interface TChunkState {
  /** Next request serial number. */
  nextSerial: number;
}

const DIVISIONS: ReadonlyMap<string, { section: TSection; division: TDivision }> = new Map(
  SECTIONS.flatMap((section) => section.divisions.map((division) => [division.code, { section, division }] as const)),
);

/** Bijective scramble of the index into an organization code body, so USCCs never collide. */
function orgCodeBody(seedSalt: number, i: number, modern: boolean): string {
  if (modern) {
    const space = 31 ** 6;
    let x = (i * 512_927_357 + seedSalt) % space; // multiplier coprime to 31
    let s = "";
    for (let k = 0; k < 6; k++) {
      s = USCC_CHARSET[x % 31] + s;
      x = Math.floor(x / 31);
    }
    return `MA${s}`;
  }
  return String((i * 38_196_601 + seedSalt) % 100_000_000).padStart(8, "0"); // coprime to 10
}

function seedSalt(seed: string): number {
  return new Rng(seed, "uscc-salt").int(0, 99_999_999);
}

const REJECT_REASONS = [
  "统一社会信用代码与营业执照不一致，请核对后重新提交。",
  "企业注册地址不在本园区范围内，请向所在园区申请。",
  "上传的营业执照照片不清晰，请重新上传。",
];

export function buildEnterpriseChunk(ctx: TSeedContext, from: number, to: number, state: TChunkState, rows: TSeedRows): void {
  const salt = seedSalt(ctx.options.seed);
  for (let i = from; i < to; i++) buildEnterprise(ctx, i, state, rows, salt);
}

function buildEnterprise(ctx: TSeedContext, i: number, state: TChunkState, rows: TSeedRows, salt: number): void {
  const seed = ctx.options.seed;
  const rng = new Rng(seed, "enterprise", i);
  const isDemo = i === 0;
  const parkIndex = isDemo ? 0 : rng.weighted(ctx.parks.map((p) => [p.index, p.def.weight] as const));
  const park = ctx.parks[parkIndex]!;

  // ── what it is ──
  let section: TSection;
  let division: TDivision;
  if (isDemo) {
    ({ section, division } = DIVISIONS.get("35")!);
  } else if (rng.chance(0.35)) {
    ({ section, division } = DIVISIONS.get(rng.pick(park.def.focus))!);
  } else {
    section = rng.weighted(SECTION_WEIGHTS);
    division = rng.weighted(section.divisions.map((d) => [d, d.weight] as const));
  }
  const isCoop = !isDemo && section.code === "A" && rng.chance(0.5);
  const size: EnterpriseSize = isDemo
    ? EnterpriseSize.SMALL
    : isCoop
      ? rng.weighted([
          [EnterpriseSize.MICRO, 70],
          [EnterpriseSize.SMALL, 30],
        ])
      : rng.weighted([
          [EnterpriseSize.LARGE, 2],
          [EnterpriseSize.MEDIUM, 12],
          [EnterpriseSize.SMALL, 41],
          [EnterpriseSize.MICRO, 45],
        ]);
  const foundedYear = ctx.year - 1 - Math.floor(26 * rng.next() ** 2);
  const foundedOn = `${foundedYear}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`;
  const uscc = makeUscc(rng, {
    type: isCoop ? "3" : "1",
    division: park.def.divisionCode,
    orgCodeBody: orgCodeBody(salt, i, foundedYear >= 2016),
  });
  const county = /[县市]$/.test(park.def.district) ? park.def.district : null;
  const place = rng.weighted([
    [CITY.short, 5],
    ["湖南", 2],
    [county ?? CITY.short, county ? 3 : 0],
  ] as const);
  const word = rng.pick(division.words);
  const name = isDemo ? DEMO_ENTERPRISE_NAME : isCoop ? cooperativeName(rng, county ?? CITY.name, word) : companyName(rng, place, word);

  const techy = ["C", "I", "M"].includes(section.code);
  const tags: string[] = [];
  if (isDemo) tags.push(TAGS.srdi, TAGS.hightech, TAGS.techSme);
  else {
    const srdi = ["C", "I"].includes(section.code) && (size === EnterpriseSize.SMALL || size === EnterpriseSize.MEDIUM) && rng.chance(0.12);
    if (srdi) tags.push(TAGS.srdi);
    if (techy && rng.chance(size === EnterpriseSize.MICRO ? 0.06 : 0.2)) tags.push(TAGS.hightech);
    if (techy && size !== EnterpriseSize.LARGE && rng.chance(0.28)) tags.push(TAGS.techSme);
    if (srdi && rng.chance(0.15)) tags.push(TAGS.littleGiant);
  }
  const capitalWan: Record<EnterpriseSize, [number, number]> = {
    MICRO: [10, 200],
    SMALL: [100, 1000],
    MEDIUM: [500, 5000],
    LARGE: [3000, 50000],
  };
  const [cMin, cMax] = capitalWan[size];
  const registeredCapitalFen = BigInt(Math.round((cMin * (cMax / cMin) ** rng.next()) / 10) * 10) * 1_000_000n;

  // ── registration ──
  let registrationStatus: RegistrationStatus =
    isDemo || i < ALWAYS_APPROVED
      ? RegistrationStatus.APPROVED
      : rng.weighted([
          [RegistrationStatus.APPROVED, 96],
          [RegistrationStatus.PENDING, 2.5],
          [RegistrationStatus.REJECTED, 1.5],
        ]);
  let createdMs: number;
  let reviewedMs: number | null;
  if (registrationStatus === RegistrationStatus.APPROVED) {
    createdMs = workTimeOn(rng, addDays(ctx.setupDay, -rng.int(1, 900)));
    reviewedMs = afterWorkingDays(rng, ctx.calendar, createdMs, rng.int(1, 3));
  } else {
    createdMs = workTimeOn(rng, addDays(ctx.referenceDay, -rng.int(1, registrationStatus === RegistrationStatus.PENDING ? 10 : 60)));
    reviewedMs = registrationStatus === RegistrationStatus.REJECTED ? afterWorkingDays(rng, ctx.calendar, createdMs, rng.int(1, 2)) : null;
    if (reviewedMs !== null && reviewedMs >= ctx.nowMs) {
      registrationStatus = RegistrationStatus.PENDING;
      reviewedMs = null;
    }
  }
  const approved = registrationStatus === RegistrationStatus.APPROVED;
  const orgId = rng.uuid();
  const id = rng.uuid();
  const created = new Date(createdMs);
  rows.organization.push({ id: orgId, kind: OrgKind.ENTERPRISE, name, createdAt: created, updatedAt: created });

  const ownerUserId = rng.uuid();
  const ownerName = isDemo ? DEMO_USERS.enterpriseOwner.name : personName(rng);
  const ownerMobile = uniqueMobile(ENTERPRISE_USER_INDEX_BASE + 2 * i);
  rows.user.push({
    id: ownerUserId,
    orgId,
    role: Role.ENTERPRISE_OWNER,
    account: isDemo ? DEMO_USERS.enterpriseOwner.account : `qy${String(i + 1).padStart(6, "0")}`,
    mobile: ownerMobile,
    name: ownerName,
    recoveryCodes: [],
    createdAt: created,
    updatedAt: created,
  });
  if (isDemo) {
    rows.user.push({
      id: rng.uuid(),
      orgId,
      role: Role.ENTERPRISE_MEMBER,
      account: DEMO_USERS.enterpriseMember.account,
      mobile: uniqueMobile(ENTERPRISE_USER_INDEX_BASE + 2 * i + 1),
      name: DEMO_USERS.enterpriseMember.name,
      recoveryCodes: [],
      createdAt: created,
      updatedAt: created,
    });
  }

  // ── A/B/C class with history ──
  let supportClass: SupportClass | null = null;
  if (approved) {
    const reviewed = new Date(reviewedMs as number);
    const current = isDemo
      ? SupportClass.A
      : isCoop
        ? SupportClass.C
        : rng.weighted([
            [SupportClass.A, 35],
            [SupportClass.B, 50],
            [null, 15],
          ] as const);
    if (current !== null) {
      const upgraded = current === SupportClass.A && (isDemo || rng.chance(0.3));
      const first = upgraded ? SupportClass.B : current;
      rows.enterpriseClassChange.push({
        id: rng.uuid(),
        enterpriseId: id,
        fromClass: null,
        toClass: first,
        reason:
          first === SupportClass.C
            ? "农民专业合作社，纳入集体授信名单"
            : first === SupportClass.A
              ? "与银行保持良好信贷关系，首次认定为A类"
              : "有合作银行但尚无借贷关系，首次认定为B类",
        changedById: ctx.financeStaffUserId,
        changedAt: reviewed,
      });
      if (upgraded) {
        const windowStart = Math.max(shanghaiInstant(ctx.windowStartDay), (reviewedMs as number) + DAY_MS);
        const at = Math.min(
          ctx.nowMs - DAY_MS,
          windowStart + Math.floor(rng.next() * Math.max(DAY_MS, ctx.nowMs - windowStart - 2 * DAY_MS)),
        );
        rows.enterpriseClassChange.push({
          id: rng.uuid(),
          enterpriseId: id,
          fromClass: SupportClass.B,
          toClass: SupportClass.A,
          reason: "经金融辅导取得首笔银行授信，由B类调整为A类",
          changedById: ctx.financeStaffUserId,
          changedAt: new Date(Math.max(at, (reviewedMs as number) + 1000)),
        });
      }
    }
    supportClass = current;
  }

  rows.enterprise.push({
    id,
    orgId,
    uscc,
    name,
    parkId: park.parkId,
    industrySection: section.code,
    industryDivision: division.code,
    size,
    tags,
    creditRating: approved
      ? rng.weighted([
          ["AAA", 6],
          ["AA", 18],
          ["A", 30],
          ["BBB", 22],
          ["BB", 8],
          [null, 16],
        ] as const)
      : null,
    supportClass,
    registeredCapitalFen,
    foundedOn: dateOnly(foundedOn),
    contactName: ownerName,
    contactMobile: ownerMobile,
    registrationStatus,
    registrationNote: registrationStatus === RegistrationStatus.REJECTED ? rng.pick(REJECT_REASONS) : null,
    reviewedAt: reviewedMs !== null ? new Date(reviewedMs) : null,
    createdAt: created,
    updatedAt: reviewedMs !== null ? new Date(reviewedMs) : created,
  });
  if (!approved) return;

  // ── "1+1" pairings: enterprise i covers sub-branches i, i+N, … so each gets one ──
  const paired = new Set<number>();
  for (let j = i; j < ctx.subBranches.length; j += ctx.options.enterprises) paired.add(j);
  if (rng.chance(0.1)) {
    const bank = ctx.banks[rng.pick([park.mainBank, ...park.participating])]!;
    paired.add(bank.subBranches[park.index % bank.subBranches.length]!.flatIndex);
  }
  const lockedAt = ctx.implementationStartMs < ctx.nowMs ? new Date(ctx.implementationStartMs) : null;
  for (const j of [...paired].sort((a, b) => a - b)) {
    const pairingId = rng.uuid();
    rows.enterpriseBankPairing.push({
      id: pairingId,
      programId: ctx.programId,
      year: ctx.year,
      bankOrgId: ctx.subBranches[j]!.orgId,
      enterpriseId: id,
      accountManagerName: personName(rng),
      accountManagerMobile: randomMobile(rng),
      lockedAt,
      createdAt: new Date(shanghaiInstant(ctx.setupDay, 10)),
    });
    const sub = ctx.subBranches[j]!;
    buildSupportRows(ctx, rows, { id: pairingId, bankOrgId: sub.orgId, liaisonUserId: sub.liaisonUserId, index: j }, supportClass ?? null);
  }

  // ── requests ──
  const ent: TEnterpriseRef = {
    id,
    orgId,
    parkIndex,
    ownerUserId,
    size,
    supportClass,
    divisionName: division.name,
    approvedMs: reviewedMs as number,
  };
  const slowness = ctx.banks[park.mainBank]!.def.slowness;
  const sims: TSimulatedRequest[] = [];
  if (isDemo) {
    const demo = demoRequests(ctx, ent, slowness).sort(
      (a, b) => (a.request.createdAt as Date).getTime() - (b.request.createdAt as Date).getTime(),
    );
    for (const s of demo) s.request.serial = nextSerial(ctx, state);
    sims.push(...demo);
  } else {
    const n = rng.weighted([
      [0, 20],
      [1, 35],
      [2, 30],
      [3, 10],
      [4, 5],
    ]);
    const plans: TRequestPlan[] = [];
    for (let k = 0; k < n; k++) plans.push(drawPlan(rng, ctx, ent, slowness));
    plans.sort((a, b) => a.createdMs - b.createdMs);
    for (const plan of plans) sims.push(simulateRequest(rng, ctx, ent, plan, nextSerial(ctx, state)));
  }
  for (const s of sims) {
    rows.request.push(s.request);
    rows.requestRoute.push(...s.routes);
    rows.ledgerEntry.push(...s.ledger);
    if (s.loan) rows.loanOutcome.push(s.loan);
  }
  if (isDemo) demoNotifications(ctx, rng, ownerUserId, sims, rows);
  buildQuestionnaireResponses(ctx, i, { id, ownerUserId, bankOrgId: ctx.banks[park.mainBank]!.orgId, approved }, rows);
  buildRecordedLoans(ctx, rows, i, id);
}

function nextSerial(ctx: TSeedContext, state: TChunkState): string {
  return `RQ${ctx.year}-${String(state.nextSerial++).padStart(6, "0")}`;
}
