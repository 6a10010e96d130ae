/**
 * Generated enterprise import files, for the benchmark and the tests: valid rows with
 * unique USCCs (the organization-code body is derived from `tag` and a counter, so two
 * runs with different tags never collide). Pure apart from exceljs building the buffer.
 */
import ExcelJS from "exceljs";
import { makeUscc, USCC_CHARSET } from "@/lib/registry/uscc";
import { ENTERPRISE_COLUMNS } from "./columns";

const SIZES = ["大", "中", "小", "微"] as const;
const SECTIONS = ["C", "制造业", "I", "F 批发和零售业", "M"] as const;
const TRADES = ["精密机械", "电子科技", "新材料", "食品", "软件", "医疗器械", "物流", "环保科技"] as const;

function base31(value: number, width: number): string {
  let out = "";
  for (let i = 0; i < width; i++) {
    out = USCC_CHARSET[value % 31] + out;
    value = Math.floor(value / 31);
  }
  return out;
}

/** `tag`: 2 characters of the USCC charset, e.g. from randomTag(). */
export function sampleUscc(tag: string, index: number): string {
  return makeUscc({ next: () => 0 }, { division: "431402", orgCodeBody: `${tag}${base31(index, 6)}` });
}

export function randomTag(): string {
  const pick = () => USCC_CHARSET[Math.floor(Math.random() * USCC_CHARSET.length)];
  return `${pick()}${pick()}`;
}

/** Header (the template's) + `count` valid rows in `park`. */
export function sampleEnterpriseRows(count: number, park: string, tag: string): string[][] {
  const rows: string[][] = [ENTERPRISE_COLUMNS.map((c) => c.header)];
  for (let i = 0; i < count; i++) {
    rows.push([
      sampleUscc(tag, i),
      `云溪${TRADES[i % TRADES.length]}测试有限公司${tag}${i}`,
      park,
      SECTIONS[i % SECTIONS.length]!,
      SIZES[i % SIZES.length]!,
      i % 3 === 0 ? "" : "赵一鸣",
      i % 3 === 0 ? "" : `139${String(i).padStart(8, "0")}`,
      i % 5 === 0 ? "专精特新、高新技术企业" : "",
    ]);
  }
  return rows;
}

export async function toXlsx(rows: readonly (readonly string[])[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("企业名单");
  for (const r of rows) ws.addRow([...r]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function toCsv(rows: readonly (readonly string[])[], bom = true): Buffer {
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const text = rows.map((r) => r.map(quote).join(",")).join("\r\n") + "\r\n";
  return Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, "utf8")]);
}
