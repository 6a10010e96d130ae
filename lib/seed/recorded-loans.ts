/**
 * Loans the demo bank recorded outside a request (贷款登记), from the demo liaison's
 * sub-branch: two for the demo enterprise — one maturing 20 days after the reference day
 * (so the renewal reminder and the register's maturity filter have something to show),
 * one credit first loan — and one each for enterprises 2 and 3. Their own random stream,
 * so the rest of the demo data stays exactly as it was.
 */
import { Rng } from "./random";
import { addDays, addMonths, dateOnly, shanghaiInstant } from "./time";
import type { TSeedContext, TSeedRows } from "./types";

type TLoanSpec = {
  enterpriseIndex: number;
  wan: number;
  rate: string;
  months: number;
  disbursedOn: string;
  credit: boolean;
  first: boolean;
  guarantee: string | null;
  product: string;
};

const FEN_PER_WAN = 1_000_000n;

function specs(referenceDay: string): TLoanSpec[] {
  // Matures 20 days after the reference day: disbursed 12 months before that.
  const soon = addMonths(addDays(referenceDay, 20), -12);
  return [
    {
      enterpriseIndex: 0,
      wan: 300,
      rate: "3.6500",
      months: 12,
      disbursedOn: soon,
      credit: false,
      first: false,
      guarantee: "市融资担保有限公司",
      product: "流动资金贷款",
    },
    {
      enterpriseIndex: 0,
      wan: 120,
      rate: "3.2000",
      months: 24,
      disbursedOn: addDays(referenceDay, -40),
      credit: true,
      first: true,
      guarantee: null,
      product: "科技贷",
    },
    {
      enterpriseIndex: 1,
      wan: 80,
      rate: "3.9000",
      months: 36,
      disbursedOn: addDays(referenceDay, -100),
      credit: false,
      first: false,
      guarantee: null,
      product: "固定资产贷款",
    },
    {
      enterpriseIndex: 2,
      wan: 50,
      rate: "4.1000",
      months: 12,
      disbursedOn: addDays(referenceDay, -200),
      credit: true,
      first: true,
      guarantee: null,
      product: "信用贷",
    },
  ];
}

/** The recorded loans of enterprise `index` (id `enterpriseId`), if it has any. */
export function buildRecordedLoans(ctx: TSeedContext, rows: TSeedRows, index: number, enterpriseId: string): void {
  const sub = ctx.banks[0]?.subBranches[0];
  if (!sub) return;
  specs(ctx.referenceDay)
    .filter((s) => s.enterpriseIndex === index)
    .forEach((s, k) => {
      const rng = new Rng(ctx.options.seed, "recorded-loan", index, k);
      const maturesOn = addMonths(s.disbursedOn, s.months);
      rows.loanOutcome.push({
        id: rng.uuid(),
        requestId: null,
        bankOrgId: sub.orgId,
        enterpriseId,
        amountFen: BigInt(s.wan) * FEN_PER_WAN,
        annualRate: s.rate,
        termMonths: s.months,
        product: s.product,
        guarantee: s.guarantee,
        isFirstLoan: s.first,
        isCreditLoan: s.credit,
        grantedOn: dateOnly(s.disbursedOn),
        disbursedOn: dateOnly(s.disbursedOn),
        maturesOn: dateOnly(maturesOn),
        recordedById: sub.liaisonUserId,
        createdAt: new Date(shanghaiInstant(s.disbursedOn, 16, 30)),
      });
    });
}
