/**
 * The fictional city of the demo: 云溪市, modeled on Yiyang's "两进两促" action (ten parks,
 * each paired with a main contact bank). Every name is invented; bank brands are real
 * because their branches exist in every Chinese city.
 */

export const CITY = {
  name: "云溪市",
  short: "云溪",
  areaCode: "0738",
  financeOffice: { name: "云溪市地方金融管理局", shortName: "市地方金融管理局" },
  centralBank: { name: "中国人民银行云溪市分行", shortName: "人民银行云溪市分行" },
  guaranteeCompany: { name: "云溪市融资担保有限责任公司", shortName: "市融资担保公司" },
} as const;

export interface TParkDef {
  code: string;
  name: string;
  shortName: string;
  /** Place name used in sub-branch names and company names. */
  place: string;
  district: string;
  divisionCode: string;
  address: string;
  /** Relative number of enterprises. */
  weight: number;
  /** Division codes the park specializes in (more enterprises of these). */
  focus: readonly string[];
}

export const PARKS: readonly TParkDef[] = [
  {
    code: "YX01",
    name: "云溪高新技术产业开发区",
    shortName: "云溪高新区",
    place: "高新区",
    district: "云溪高新区",
    divisionCode: "431471",
    address: "云溪市高新区创业大道88号",
    weight: 18,
    focus: ["39", "35", "27", "65"],
  },
  {
    code: "YX02",
    name: "龙湾工业集中区",
    shortName: "龙湾工业集中区",
    place: "龙湾",
    district: "赫城区",
    divisionCode: "431402",
    address: "云溪市赫城区龙湾大道1号",
    weight: 13,
    focus: ["34", "33", "38"],
  },
  {
    code: "YX03",
    name: "长青经济开发区",
    shortName: "长青经开区",
    place: "长青",
    district: "资溪区",
    divisionCode: "431403",
    address: "云溪市资溪区长青路168号",
    weight: 12,
    focus: ["13", "14", "15"],
  },
  {
    code: "YX04",
    name: "沅溪高新技术产业开发区",
    shortName: "沅溪高新区",
    place: "沅溪",
    district: "沅溪市",
    divisionCode: "431481",
    address: "沅溪市琼湖大道26号",
    weight: 10,
    focus: ["26", "29", "38"],
  },
  {
    code: "YX05",
    name: "桃林经济开发区",
    shortName: "桃林经开区",
    place: "桃林",
    district: "桃林县",
    divisionCode: "431422",
    address: "桃林县桃花江路9号",
    weight: 9,
    focus: ["20", "21", "30"],
  },
  {
    code: "YX06",
    name: "南湖经济开发区",
    shortName: "南湖经开区",
    place: "南湖",
    district: "南湖县",
    divisionCode: "431421",
    address: "南湖县兴盛大道55号",
    weight: 9,
    focus: ["13", "17", "18"],
  },
  {
    code: "YX07",
    name: "安平经济开发区",
    shortName: "安平经开区",
    place: "安平",
    district: "安平县",
    divisionCode: "431423",
    address: "安平县梅城大道12号",
    weight: 8,
    focus: ["15", "01", "27"],
  },
  {
    code: "YX08",
    name: "大塘湖工业集中区",
    shortName: "大塘湖工业集中区",
    place: "大塘湖",
    district: "大塘湖区",
    divisionCode: "431472",
    address: "云溪市大塘湖区湖滨路3号",
    weight: 7,
    focus: ["04", "13", "03"],
  },
  {
    code: "YX09",
    name: "石港工业集中区",
    shortName: "石港工业集中区",
    place: "石港",
    district: "资溪区",
    divisionCode: "431403",
    address: "云溪市资溪区石港镇工业路7号",
    weight: 7,
    focus: ["30", "32", "33"],
  },
  {
    code: "YX10",
    name: "云溪船舶产业园",
    shortName: "船舶产业园",
    place: "船舶产业园",
    district: "沅溪市",
    divisionCode: "431481",
    address: "沅溪市船舶产业园滨江路1号",
    weight: 7,
    focus: ["37", "33", "34"],
  },
];

export interface TBankDef {
  /** Short code used in account names. */
  code: string;
  brand: string;
  /** Brand as people say it (工行, 农行 …). */
  short: string;
  /** Name of the city-level organization. */
  name: string;
  /** Local legal-person banks are their own head office. */
  headOffice: boolean;
  subBranches: 2 | 3;
  /** How quickly the bank answers: < 1 faster, > 1 slower than the median bank. */
  slowness: number;
}

export const BANKS: readonly TBankDef[] = [
  { code: "icbc", brand: "中国工商银行", short: "工行", name: "中国工商银行云溪分行", headOffice: false, subBranches: 3, slowness: 0.8 },
  { code: "abc", brand: "中国农业银行", short: "农行", name: "中国农业银行云溪分行", headOffice: false, subBranches: 3, slowness: 1 },
  { code: "boc", brand: "中国银行", short: "中行", name: "中国银行云溪分行", headOffice: false, subBranches: 2, slowness: 1 },
  { code: "ccb", brand: "中国建设银行", short: "建行", name: "中国建设银行云溪分行", headOffice: false, subBranches: 3, slowness: 0.9 },
  { code: "bocom", brand: "交通银行", short: "交行", name: "交通银行云溪分行", headOffice: false, subBranches: 2, slowness: 1.3 },
  {
    code: "psbc",
    brand: "中国邮政储蓄银行",
    short: "邮储银行",
    name: "中国邮政储蓄银行云溪市分行",
    headOffice: false,
    subBranches: 3,
    slowness: 1.1,
  },
  {
    code: "yxrcb",
    brand: "云溪农村商业银行",
    short: "云溪农商行",
    name: "云溪农村商业银行",
    headOffice: true,
    subBranches: 3,
    slowness: 0.7,
  },
  { code: "cib", brand: "兴业银行", short: "兴业银行", name: "兴业银行云溪分行", headOffice: false, subBranches: 2, slowness: 1.2 },
  { code: "cmb", brand: "招商银行", short: "招行", name: "招商银行云溪分行", headOffice: false, subBranches: 2, slowness: 0.9 },
  { code: "citic", brand: "中信银行", short: "中信银行", name: "中信银行云溪分行", headOffice: false, subBranches: 2, slowness: 1.6 },
  { code: "hxb", brand: "华夏银行", short: "华夏银行", name: "华夏银行云溪分行", headOffice: false, subBranches: 2, slowness: 1.4 },
  { code: "ceb", brand: "中国光大银行", short: "光大银行", name: "中国光大银行云溪分行", headOffice: false, subBranches: 2, slowness: 2 },
];

/** Sub-branch j of a bank serves the parks whose index is j modulo its sub-branch count. */
export function subBranchName(bank: TBankDef, j: number): string {
  const park = PARKS[j] as TParkDef;
  if (bank.headOffice) return `${bank.name}${park.place}支行`;
  return `${bank.brand}${CITY.short}${park.place}支行`;
}

export interface TProductDef {
  kind: string;
  minWan: number;
  maxWan: number;
  minTerm: number;
  maxTerm: number;
  /** Rate range against the LPR, basis points. */
  minBp: number;
  maxBp: number;
  collateral: string;
  targets: string;
  howToApply: string;
}

export const PRODUCT_KINDS: readonly TProductDef[] = [
  {
    kind: "科技贷",
    minWan: 50,
    maxWan: 2000,
    minTerm: 6,
    maxTerm: 36,
    minBp: -30,
    maxBp: 60,
    collateral: "知识产权质押、信用",
    targets: "高新技术企业、科技型中小企业",
    howToApply: "通过园区企业融资服务窗口提交，或到就近网点申请",
  },
  {
    kind: "专精特新贷",
    minWan: 100,
    maxWan: 3000,
    minTerm: 12,
    maxTerm: 36,
    minBp: -40,
    maxBp: 40,
    collateral: "信用为主，可追加保证",
    targets: "省级以上专精特新中小企业、专精特新“小巨人”企业",
    howToApply: "客户经理上门服务，线上预审",
  },
  {
    kind: "信用贷",
    minWan: 10,
    maxWan: 500,
    minTerm: 6,
    maxTerm: 24,
    minBp: 0,
    maxBp: 120,
    collateral: "信用",
    targets: "纳税信用A/B级的小微企业",
    howToApply: "手机银行线上申请，银税互动自动授信",
  },
  {
    kind: "首贷",
    minWan: 10,
    maxWan: 300,
    minTerm: 6,
    maxTerm: 12,
    minBp: -20,
    maxBp: 80,
    collateral: "信用或担保公司担保",
    targets: "从未在银行取得贷款的小微企业",
    howToApply: "园区首贷服务中心受理",
  },
  {
    kind: "无还本续贷",
    minWan: 10,
    maxWan: 1000,
    minTerm: 12,
    maxTerm: 36,
    minBp: 0,
    maxBp: 80,
    collateral: "原担保方式不变",
    targets: "贷款即将到期、经营正常、仍有融资需求的小微企业",
    howToApply: "到期前一个月向经办行提出申请",
  },
  {
    kind: "应急转贷",
    minWan: 50,
    maxWan: 1000,
    minTerm: 1,
    maxTerm: 3,
    minBp: 0,
    maxBp: 50,
    collateral: "政府应急转贷资金",
    targets: "暂时性资金周转困难的企业",
    howToApply: "经园区推荐，由市融资担保公司协同办理",
  },
  {
    kind: "供应链融资",
    minWan: 50,
    maxWan: 2000,
    minTerm: 3,
    maxTerm: 12,
    minBp: -10,
    maxBp: 70,
    collateral: "核心企业确权的应收账款",
    targets: "园区龙头企业上下游配套企业",
    howToApply: "核心企业推荐，线上确权放款",
  },
  {
    kind: "应收账款融资",
    minWan: 20,
    maxWan: 1000,
    minTerm: 3,
    maxTerm: 12,
    minBp: 0,
    maxBp: 90,
    collateral: "应收账款质押（中征应收账款融资服务平台登记）",
    targets: "有稳定应收账款的中小企业",
    howToApply: "到经办行提交合同与发票",
  },
];

export const PROGRAM = {
  name: `${CITY.name}“两进两促”金融服务实体经济行动`,
  docNumber: (year: number) => `云金发〔${year}〕3号`,
  leadUnits: [CITY.financeOffice.name, CITY.centralBank.name],
  description:
    "金融服务民营和小微企业“进园区、进企业，促融资、促发展”行动：全市十大园区各与一家主联系银行及若干参与行结对，" +
    "实行“一园一行长包联、一园一帮扶方案、一园一问题清单、一园一解决台账”；企业融资需求经园区企业融资服务窗口转银行，" +
    "银行在3至5个工作日内限时答复，主联系行与参与行均无法解决的问题报市地方金融管理局和人民银行云溪市分行督办；" +
    "各银行每季后7个工作日内报送解决台账，按季统计排名、通报，年终考核。",
} as const;
