/** Wording of demo requests, answers and ledger notes. */

import { AnswerKind, RequestType } from "@/lib/generated/prisma/enums";
import type { Rng } from "./random";

export const PURPOSES = [
  { short: "流动资金", text: "补充流动资金，支付原材料货款", reason: "订单增长较快，原材料采购资金缺口较大" },
  { short: "设备更新", text: "购置生产设备，实施设备更新改造", reason: "为提升产能和良品率，计划更新两条生产线" },
  { short: "技术改造", text: "智能化技术改造", reason: "列入市级技术改造项目，需配套资金" },
  { short: "厂房扩建", text: "新建标准厂房及配套设施", reason: "现有厂房不能满足新增订单的生产需要" },
  { short: "研发投入", text: "新产品研发及中试", reason: "新产品已完成小试，进入中试阶段" },
  { short: "续贷周转", text: "原贷款到期续贷", reason: "现有贷款即将到期，需办理续贷避免资金链紧张" },
  { short: "订单备货", text: "执行新签订单备货", reason: "新签大额订单，需提前备货" },
] as const;

export const COLLATERALS = [
  "厂房及土地抵押",
  "机器设备抵押",
  "知识产权质押",
  "应收账款质押",
  "信用（无抵押）",
  "融资担保公司担保",
  "股东个人连带责任保证",
] as const;

const CONSULTATIONS: ReadonlyArray<readonly [string, string]> = [
  ["咨询无还本续贷办理条件", "本公司贷款将于下季度到期，想了解无还本续贷的申请条件、所需材料和办理时限。"],
  ["咨询科技贷申请流程", "本公司为科技型中小企业，想了解科技贷的额度、利率以及知识产权质押的办理流程。"],
  ["咨询首贷贴息政策", "本公司此前未在银行取得过贷款，想了解首贷贴息政策和申请方式。"],
  ["咨询应收账款融资操作", "想了解通过中征应收账款融资服务平台办理应收账款融资的具体操作。"],
  ["咨询专精特新企业专属产品", "本公司已获评省级专精特新中小企业，想了解银行针对专精特新企业的专属信贷产品。"],
  ["咨询创业担保贷款政策", "本公司吸纳了较多就业人员，想了解创业担保贷款的额度、贴息及办理条件。"],
];

const DIFFICULTIES: ReadonlyArray<readonly [string, string]> = [
  ["抵押物评估价值偏低", "厂房抵押评估价值明显低于市场价格，导致授信额度不足，请协调银行重新评估。"],
  ["担保费率偏高", "担保公司收取的担保费率偏高，综合融资成本较高，希望协调降低费率。"],
  ["授信审批时间过长", "贷款申请已提交一个多月仍未审批，影响原材料采购，请协调加快办理。"],
  ["续贷要求先还后贷", "银行要求先归还到期贷款再续贷，企业难以筹集过桥资金，希望办理无还本续贷。"],
  ["回款慢导致资金紧张", "下游客户回款周期长，应收账款占用资金较多，希望获得应收账款融资支持。"],
];

export interface TRequestText {
  title: string;
  description: string;
  purpose: string | null;
  collateral: string | null;
}

export function requestText(
  rng: Rng,
  type: RequestType,
  divisionName: string,
  amountWan: number,
  termMonths: number,
  neededBy: string,
): TRequestText {
  if (type === RequestType.FINANCING) {
    const p = rng.pick(PURPOSES);
    const collateral = rng.pick(COLLATERALS);
    return {
      title: `${p.short}贷款需求${amountWan}万元`,
      description: `本公司属${divisionName}，${p.reason}。现申请${p.text}贷款${amountWan}万元，期限${termMonths}个月，拟以${collateral}方式增信，希望在${neededBy}前到位。`,
      purpose: p.text,
      collateral,
    };
  }
  const [title, description] = rng.pick(type === RequestType.CONSULTATION ? CONSULTATIONS : DIFFICULTIES);
  return { title, description, purpose: null, collateral: null };
}

export const RETURN_REASONS = [
  "请补充近一年财务报表和近三个月纳税证明。",
  "融资用途描述不清，请补充资金使用计划。",
  "请上传营业执照副本和法定代表人身份证明。",
  "申请金额与经营规模差距较大，请说明还款来源。",
];

export function answerOpinion(
  rng: Rng,
  kind: AnswerKind,
  productName: string,
  amountWan: number | null,
): { opinion: string; conditions?: string; procedure?: string } {
  switch (kind) {
    case AnswerKind.GRANTED:
      return {
        opinion: `经审批，同意给予贵公司${productName}授信${amountWan ?? ""}万元，已完成放款手续。`,
        procedure: "签订借款合同后三个工作日内放款。",
      };
    case AnswerKind.CAN_DO:
      return {
        opinion: rng.pick([`符合我行${productName}准入条件，可以办理。`, "经初步调查，企业经营正常，可以办理，客户经理将上门对接。"]),
        conditions: rng.pick(["企业纳税信用等级B级以上，近两年无不良信用记录。", "需提供有效抵押物或由市融资担保公司提供担保。"]),
        procedure: "提交申请材料 → 客户经理实地调查 → 审批 → 签约放款，预计10个工作日。",
      };
    case AnswerKind.NEEDS_DOCUMENTS:
      return {
        opinion: "基本符合条件，需补充材料后进一步审查。",
        conditions: rng.pick([
          "请补充近两年审计报告及近期财务报表。",
          "请补充主要购销合同及近六个月银行流水。",
          "请补充知识产权证书及评估报告。",
        ]),
      };
    case AnswerKind.CANNOT_DO:
      return {
        opinion: rng.pick([
          "企业资产负债率偏高，暂不符合我行授信条件，建议引入担保后再申请。",
          "所属行业为我行限制类行业，暂不能办理，已同步参与行研究。",
          "企业存在未结清的逾期记录，暂不能办理。",
        ]),
      };
    default:
      return { opinion: "" };
  }
}

export const RATING_COMMENTS = {
  SATISFIED: ["银行答复及时，客户经理服务很专业。", "放款速度快，解决了燃眉之急。", "流程清楚，非常满意。"],
  BASICALLY_SATISFIED: ["答复还算及时，但额度低于预期。", "办理材料较多，希望进一步简化。"],
  DISSATISFIED: ["答复没有解决实际问题。", "等待时间太长。", "利率偏高，希望再协调。"],
} as const;

export const CLOSE_OUT_RESOLUTIONS = [
  "经市地方金融管理局协调，由主联系行调整授信方案并完成放款，督办销号。",
  "经协调，由云溪农商行提供应急转贷资金，企业资金周转问题已解决，督办销号。",
  "经市地方金融管理局、人民银行云溪市分行联合会商，引入市融资担保公司担保，问题已解决，督办销号。",
];
