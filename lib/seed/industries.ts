/**
 * GB/T 4754-2017 industry sections (门类) and divisions (大类) used by the demo data,
 * with how often each appears among park enterprises (mostly manufacturing) and the
 * words that go into a company name of that trade.
 */

export interface TDivision {
  /** Two-digit division code (大类). */
  code: string;
  name: string;
  weight: number;
  /** Trade words for company names (…精密机械有限公司). */
  words: readonly string[];
}

export interface TSection {
  code: string;
  name: string;
  weight: number;
  divisions: readonly TDivision[];
}

export const SECTIONS: readonly TSection[] = [
  {
    code: "C",
    name: "制造业",
    weight: 56,
    divisions: [
      { code: "13", name: "农副食品加工业", weight: 5, words: ["食品", "粮油", "米业", "农产品加工"] },
      { code: "14", name: "食品制造业", weight: 4, words: ["食品", "调味品", "休闲食品"] },
      { code: "15", name: "酒、饮料和精制茶制造业", weight: 4, words: ["茶业", "黑茶", "酒业", "饮品"] },
      { code: "17", name: "纺织业", weight: 3, words: ["纺织", "麻纺"] },
      { code: "18", name: "纺织服装、服饰业", weight: 3, words: ["服饰", "制衣"] },
      { code: "20", name: "木材加工和木、竹、藤、棕、草制品业", weight: 5, words: ["竹业", "竹木制品", "木业"] },
      { code: "21", name: "家具制造业", weight: 3, words: ["家具", "家居"] },
      { code: "22", name: "造纸和纸制品业", weight: 2, words: ["纸业", "包装"] },
      { code: "23", name: "印刷和记录媒介复制业", weight: 1, words: ["印务", "彩印"] },
      { code: "26", name: "化学原料和化学制品制造业", weight: 4, words: ["化工", "新材料", "精细化工"] },
      { code: "27", name: "医药制造业", weight: 4, words: ["制药", "生物科技", "药业"] },
      { code: "29", name: "橡胶和塑料制品业", weight: 4, words: ["塑胶", "塑业", "橡胶制品"] },
      { code: "30", name: "非金属矿物制品业", weight: 4, words: ["建材", "新型建材", "陶瓷"] },
      { code: "32", name: "有色金属冶炼和压延加工业", weight: 2, words: ["有色金属", "铝业", "锑业"] },
      { code: "33", name: "金属制品业", weight: 6, words: ["金属制品", "五金", "钢构"] },
      { code: "34", name: "通用设备制造业", weight: 7, words: ["机械", "精密机械", "泵业", "阀门"] },
      { code: "35", name: "专用设备制造业", weight: 7, words: ["智能装备", "专用设备", "机电设备"] },
      { code: "36", name: "汽车制造业", weight: 3, words: ["汽车零部件", "汽配"] },
      { code: "37", name: "铁路、船舶、航空航天和其他运输设备制造业", weight: 3, words: ["船舶", "船舶配件", "游艇"] },
      { code: "38", name: "电气机械和器材制造业", weight: 7, words: ["电气", "电机", "电缆", "新能源"] },
      { code: "39", name: "计算机、通信和其他电子设备制造业", weight: 7, words: ["电子", "光电", "电子科技"] },
      { code: "40", name: "仪器仪表制造业", weight: 2, words: ["仪器仪表", "测控技术"] },
    ],
  },
  {
    code: "F",
    name: "批发和零售业",
    weight: 11,
    divisions: [
      { code: "51", name: "批发业", weight: 7, words: ["商贸", "贸易", "物资"] },
      { code: "52", name: "零售业", weight: 3, words: ["商行", "超市", "医药连锁"] },
    ],
  },
  {
    code: "I",
    name: "信息传输、软件和信息技术服务业",
    weight: 8,
    divisions: [
      { code: "63", name: "电信、广播电视和卫星传输服务", weight: 1, words: ["通信技术"] },
      { code: "64", name: "互联网和相关服务", weight: 3, words: ["网络科技", "互联网科技"] },
      { code: "65", name: "软件和信息技术服务业", weight: 6, words: ["软件", "信息技术", "数字科技"] },
    ],
  },
  {
    code: "M",
    name: "科学研究和技术服务业",
    weight: 6,
    divisions: [
      { code: "73", name: "研究和试验发展", weight: 3, words: ["科技研发", "生物技术"] },
      { code: "74", name: "专业技术服务业", weight: 3, words: ["检测技术", "工程技术", "勘测设计"] },
      { code: "75", name: "科技推广和应用服务业", weight: 2, words: ["科技", "技术服务"] },
    ],
  },
  {
    code: "A",
    name: "农、林、牧、渔业",
    weight: 6,
    divisions: [
      { code: "01", name: "农业", weight: 4, words: ["农业", "种植", "茶叶种植"] },
      { code: "03", name: "畜牧业", weight: 2, words: ["畜牧", "养殖"] },
      { code: "04", name: "渔业", weight: 2, words: ["水产", "渔业"] },
      { code: "05", name: "农、林、牧、渔专业及辅助性活动", weight: 1, words: ["农机服务", "农业服务"] },
    ],
  },
  {
    code: "E",
    name: "建筑业",
    weight: 4,
    divisions: [
      { code: "47", name: "房屋建筑业", weight: 2, words: ["建设", "建筑工程"] },
      { code: "48", name: "土木工程建筑业", weight: 2, words: ["路桥", "水利工程"] },
      { code: "50", name: "建筑装饰、装修和其他建筑业", weight: 1, words: ["装饰工程", "幕墙"] },
    ],
  },
  {
    code: "G",
    name: "交通运输、仓储和邮政业",
    weight: 4,
    divisions: [
      { code: "54", name: "道路运输业", weight: 3, words: ["物流", "运输"] },
      { code: "55", name: "水上运输业", weight: 1, words: ["航运"] },
      { code: "59", name: "装卸搬运和仓储业", weight: 2, words: ["仓储", "供应链"] },
    ],
  },
  {
    code: "L",
    name: "租赁和商务服务业",
    weight: 2,
    divisions: [{ code: "72", name: "商务服务业", weight: 1, words: ["企业管理", "商务咨询"] }],
  },
  {
    code: "K",
    name: "房地产业",
    weight: 1,
    divisions: [{ code: "70", name: "房地产业", weight: 1, words: ["置业", "物业管理"] }],
  },
  {
    code: "H",
    name: "住宿和餐饮业",
    weight: 1,
    divisions: [
      { code: "61", name: "住宿业", weight: 1, words: ["酒店管理"] },
      { code: "62", name: "餐饮业", weight: 1, words: ["餐饮管理"] },
    ],
  },
  {
    code: "D",
    name: "电力、热力、燃气及水生产和供应业",
    weight: 1,
    divisions: [{ code: "44", name: "电力、热力生产和供应业", weight: 1, words: ["新能源", "光伏电力"] }],
  },
];

export const SECTION_WEIGHTS: ReadonlyArray<readonly [TSection, number]> = SECTIONS.map((s) => [s, s.weight] as const);
