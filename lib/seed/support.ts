/**
 * The demo's 1+1 support files and monthly reports: every running pairing has a file (but
 * one in ten, so 未建档 shows), and a report for each month from the program's start month
 * to the month before the reference date. The newest of those months cycles through every
 * state a report can be in — filed (待审核), returned, refiled after a return, accepted, not
 * filed and flagged late by the scan, filed late and accepted — so each list and filter has
 * rows; older months are accepted. Credit granted is reported only for enterprises that are
 * not class B (an accepted report with credit would have moved a class-B enterprise to A).
 * The reference month is left open, for the bank to file. Its own random stream per
 * pairing: adding it changes no other seeded row. The newest month's state follows the
 * sub-branch's index, so every state appears whatever the number of enterprises.
 */
import { Rng } from "./random";
import { shanghaiInstant } from "./time";
import type { TSeedContext, TSeedRows } from "./types";

export const SUPPORT_START_MONTH = 8;
const STATES = ["ACCEPTED", "FILED", "RETURNED", "REFILED", "OVERDUE", "LATE_ACCEPTED"] as const;
const PLANS = [
  "规范财务报表，辅导编制现金流量表",
  "梳理应收账款，准备授信材料",
  "辅导建立存货明细账和固定资产台账",
  "对接信用贷款产品，准备评级材料",
];
const PROGRESS = [
  "客户经理上门走访两次，企业已按要求调整资产负债表科目。",
  "完成财务人员集中辅导一次，利润表编制已规范。",
  "已收集授信所需材料，报上级行审批中。",
  "企业已建立总账和明细账，下月开展授信调查。",
];
const TOPICS = ["财务报表规范", "现金流量表编制", "授信材料准备", "应收账款管理", "信用评级辅导"];
const RETURN_REASONS = ["走访记录缺少参加人员", "帮扶进度描述过于笼统，请写明具体成效", "授信金额与贷款台账不一致"];

const monthKey = (y: number, m: number) => `${y}-${String(m).padStart(2, "0")}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function buildSupportRows(
  ctx: TSeedContext,
  rows: TSeedRows,
  pairing: { id: string; bankOrgId: string; liaisonUserId: string; index: number },
  supportClass: string | null,
): void {
  const rng = new Rng(ctx.options.seed, "support", pairing.id);
  const setupAt = new Date(shanghaiInstant(ctx.setupDay, 11));
  if (!rng.chance(0.1)) {
    rows.supportFile.push({
      id: rng.uuid(),
      pairingId: pairing.id,
      profile: "主营业务稳定，财务制度有待规范，尚需提高授信额度。",
      coachingPlan: "每月上门辅导一次，重点规范资产负债表、利润表和现金流量表。",
      creditLineTargetFen: BigInt(rng.int(1, 20) * 1_000_000 * 50),
      otherTargets: rng.chance(0.5) ? "年内实现首贷" : null,
      version: 1,
      updatedById: pairing.liaisonUserId,
      createdAt: setupAt,
      updatedAt: setupAt,
    });
  }
  const refMonth = Number(ctx.referenceDay.slice(5, 7));
  const year = ctx.year;
  const last = refMonth - 1;
  for (let m = SUPPORT_START_MONTH; m <= last; m++) {
    const newest = m === last;
    const state = newest ? STATES[pairing.index % STATES.length]! : "ACCEPTED";
    const dueDay = `${monthKey(year, m)}-${String(lastDay(year, m)).padStart(2, "0")}`;
    const dueOn = new Date(`${dueDay}T00:00:00Z`);
    const late = state === "OVERDUE" || state === "LATE_ACCEPTED";
    const reportId = rng.uuid();
    const filedAt = new Date(shanghaiInstant(dueDay, late ? 24 + 10 : 10) - (late ? 0 : rng.int(1, 5) * 86_400_000));
    const lateAt = late ? new Date(shanghaiInstant(dueDay, 24 + 0, 5)) : null;
    const credit = supportClass !== "B" && rng.chance(0.3) ? BigInt(rng.int(1, 40) * 1_000_000 * 10) : 0n;
    const revisions = state === "OVERDUE" ? 0 : state === "RETURNED" ? 1 : state === "REFILED" ? 2 : 1;
    const reviewed = state === "ACCEPTED" || state === "LATE_ACCEPTED" || state === "RETURNED" || state === "REFILED";
    const status =
      state === "OVERDUE" ? "OVERDUE" : state === "RETURNED" ? "RETURNED" : state === "FILED" || state === "REFILED" ? "FILED" : "ACCEPTED";
    const reviewAt = (n: number) => new Date(filedAt.getTime() + n * 86_400_000);
    const reason = rng.pick(RETURN_REASONS);
    rows.supportReport.push({
      id: reportId,
      pairingId: pairing.id,
      bankOrgId: pairing.bankOrgId,
      month: new Date(`${monthKey(year, m)}-01T00:00:00Z`),
      dueOn,
      status,
      revision: revisions,
      // Each filing and each decision bumped it.
      version: revisions + (reviewed ? 1 : 0),
      creditGrantedFen: credit,
      filedAt: revisions > 0 ? (state === "REFILED" ? reviewAt(2) : filedAt) : null,
      reviewedAt: reviewed ? reviewAt(1) : null,
      returnReason: state === "RETURNED" ? reason : null,
      lateAt,
      createdAt: revisions > 0 ? filedAt : (lateAt as Date),
      updatedAt: reviewed ? reviewAt(state === "REFILED" ? 2 : 1) : revisions > 0 ? filedAt : (lateAt as Date),
    });
    for (let r = 1; r <= revisions; r++) {
      const day = rng.int(3, 25);
      rows.supportReportRevision.push({
        id: rng.uuid(),
        reportId,
        revision: r,
        plan: rng.pick(PLANS),
        progress: rng.pick(PROGRESS),
        creditGrantedFen: r === revisions ? credit : 0n,
        activities: [
          {
            kind: "VISIT",
            date: `${monthKey(year, m)}-${String(day).padStart(2, "0")}`,
            topics: rng.pick(TOPICS),
            attendees: "企业财务负责人、客户经理",
          },
          ...(rng.chance(0.5)
            ? [
                {
                  kind: "COACHING",
                  date: `${monthKey(year, m)}-${String(day + 2).padStart(2, "0")}`,
                  topics: rng.pick(TOPICS),
                  attendees: "企业会计",
                },
              ]
            : []),
        ],
        late: late && r === 1,
        filedById: pairing.liaisonUserId,
        filedAt: r === 1 ? filedAt : reviewAt(2),
      });
    }
    const review = (revision: number, decision: "ACCEPT" | "RETURN", at: Date) =>
      rows.supportReportReview.push({
        id: rng.uuid(),
        reportId,
        revision,
        decision,
        reason: decision === "RETURN" ? reason : null,
        reviewerId: ctx.pbcStaffUserId,
        reviewerOrgId: ctx.pbcOrgId,
        reviewedAt: at,
      });
    if (state === "ACCEPTED" || state === "LATE_ACCEPTED") review(1, "ACCEPT", reviewAt(1));
    if (state === "RETURNED" || state === "REFILED") review(1, "RETURN", reviewAt(1));
  }
}
