/** Invented people, phone numbers and company names. */

import type { Rng } from "./random";

const SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ["王", 72],
  ["李", 70],
  ["张", 66],
  ["刘", 53],
  ["陈", 45],
  ["杨", 31],
  ["黄", 23],
  ["赵", 20],
  ["吴", 20],
  ["周", 19],
  ["徐", 15],
  ["孙", 14],
  ["马", 12],
  ["朱", 12],
  ["胡", 12],
  ["郭", 11],
  ["何", 11],
  ["高", 10],
  ["林", 10],
  ["罗", 10],
  ["郑", 9],
  ["梁", 9],
  ["谢", 8],
  ["宋", 7],
  ["唐", 7],
  ["许", 6],
  ["韩", 6],
  ["冯", 6],
  ["邓", 6],
  ["曹", 6],
  ["彭", 6],
  ["曾", 6],
  ["肖", 5],
  ["田", 5],
  ["董", 5],
  ["袁", 5],
  ["潘", 4],
  ["蔡", 4],
  ["蒋", 4],
  ["余", 4],
  ["于", 4],
  ["杜", 4],
  ["叶", 4],
  ["程", 4],
  ["苏", 4],
  ["魏", 4],
  ["吕", 4],
  ["丁", 3],
  ["任", 3],
  ["沈", 3],
  ["姚", 3],
  ["卢", 3],
  ["姜", 3],
  ["崔", 3],
  ["钟", 3],
  ["谭", 3],
  ["陆", 3],
  ["汪", 3],
  ["范", 3],
  ["廖", 3],
  ["贺", 2],
  ["龚", 2],
  ["文", 2],
  ["欧阳", 1],
  ["邹", 2],
  ["熊", 2],
  ["夏", 2],
  ["易", 2],
  ["符", 1],
  ["莫", 1],
];

const GIVEN = [
  ..."伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华文辉建国红玲斌波宇浩凯鹏俊婷雪琳晨欣怡佳涵思梦志海峰林春晓云龙亮成新德永祥荣宏丹萍莉兰凤燕彬健鑫旭阳蕾",
];

export function personName(rng: Rng): string {
  const surname = rng.weighted(SURNAMES);
  const given = rng.chance(0.72) ? rng.pick(GIVEN) + rng.pick(GIVEN) : rng.pick(GIVEN);
  return surname + given;
}

const MOBILE_PREFIXES = ["135", "136", "137", "138", "150", "151", "158", "177", "186", "187", "188", "199"];

/** A random (not necessarily unique) mobile number. */
export function randomMobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, "0");
}

/**
 * A unique mobile number for user number k (0 ≤ k < 10^8): 139 followed by a bijective
 * scramble of k, so numbers look random but never collide.
 */
export function uniqueMobile(k: number): string {
  const x = (k * 48_271 + 24_680_135) % 100_000_000;
  return `139${String(x).padStart(8, "0")}`;
}

/** A landline of the fictional city. */
export function landline(rng: Rng, areaCode: string): string {
  return `${areaCode}-${rng.int(2, 8)}${String(rng.int(0, 999_999)).padStart(6, "0")}`;
}

const BRAND_CHARS = [..."鑫华宏瑞恒盛泰德兴隆嘉聚昌达源腾誉博卓睿汇中金天新永佳富正安益明远创科迅立信宇景湘楚资沅桃翔海峰诚和顺丰凯"];

/** A two-character trade name (字号). */
export function brandName(rng: Rng): string {
  const a = rng.pick(BRAND_CHARS);
  let b = rng.pick(BRAND_CHARS);
  while (b === a) b = rng.pick(BRAND_CHARS);
  return a + b;
}

export function companyName(rng: Rng, place: string, word: string): string {
  const form = rng.weighted([
    ["有限公司", 78],
    ["有限责任公司", 10],
    ["股份有限公司", 8],
    ["科技有限公司", 4],
  ] as const);
  const w = form === "科技有限公司" && word.endsWith("科技") ? word.slice(0, -2) : word;
  return `${place}${brandName(rng)}${w}${form}`;
}

export function cooperativeName(rng: Rng, place: string, word: string): string {
  return `${place}${brandName(rng)}${word}专业合作社`;
}
