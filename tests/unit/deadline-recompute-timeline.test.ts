// The test translates with the real message files through next-intl, which lib/ may not import.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { formatDate } from "@/lib/i18n/format";
import { asTranslator } from "@/lib/i18n/translator";
import enDetail from "@/lib/i18n/messages/en/requestDetail.json";
import zhDetail from "@/lib/i18n/messages/zh-CN/requestDetail.json";
import { describeDeadlineRecompute, readDeadlineRecompute } from "@/lib/requests/deadline-recompute-note";

const zh = asTranslator(createTranslator({ locale: "zh-CN", messages: zhDetail, namespace: "requestDetail" }));
const en = asTranslator(createTranslator({ locale: "en", messages: enDetail, namespace: "requestDetail" }));
const zhDay = (d: Date) => formatDate(d, "zh-CN");
const enDay = (d: Date) => formatDate(d, "en");

// As recomputeDeadlines writes it: deadlines end at 23:59:59 Shanghai time.
const entry = (reason: unknown) => ({
  previousDueAt: "2026-12-08T15:59:59.999Z",
  dueAt: "2026-12-09T15:59:59.999Z",
  previousDueProvisional: false,
  dueProvisional: false,
  replyDeadlineDays: 5,
  reason,
});

describe("the timeline's deadline-recompute lines", () => {
  it("name the park review deadline when that is the one that moved", () => {
    const note = readDeadlineRecompute({ ...entry({ change: "calendar.yearPublished", year: 2027 }), deadline: "parkReview" });
    expect(describeDeadlineRecompute(note!, zh, zhDay)[0]).toBe("园区审核期限由 2026年12月8日 调整为 2026年12月9日");
    expect(describeDeadlineRecompute(note!, en, enDay)[0]).toBe("Park review deadline moved from 2026-12-08 to 2026-12-09");
  });

  it("say the old and the new deadline and the calendar day that moved it, in both languages", () => {
    const note = readDeadlineRecompute(entry({ change: "calendar.dayAdded", date: "2026-12-03", kind: "HOLIDAY", name: "临时休假" }));
    expect(note).not.toBeNull();
    expect(describeDeadlineRecompute(note!, zh, zhDay)).toEqual([
      "答复期限由 2026年12月8日 调整为 2026年12月9日",
      "原因：工作日历将 2026年12月3日 设为法定节假日（临时休假）",
    ]);
    expect(describeDeadlineRecompute(note!, en, enDay)).toEqual([
      "Reply deadline moved from 2026-12-08 to 2026-12-09",
      "Because the working-day calendar made 2026-12-03 a public holiday (临时休假)",
    ]);
  });

  it("names a removed adjusted working day, a published year and a loaded official schedule", () => {
    const removed = readDeadlineRecompute(entry({ change: "calendar.dayRemoved", date: "2026-12-06", kind: "WORKDAY", name: "" }));
    expect(describeDeadlineRecompute(removed!, zh, zhDay)[1]).toBe("原因：工作日历取消了 2026年12月6日 的调休上班日安排");
    const published = readDeadlineRecompute(entry({ change: "calendar.yearPublished", year: 2027, source: "国办发明电〔2026〕7号" }));
    expect(describeDeadlineRecompute(published!, zh, zhDay)[1]).toBe("原因：发布了 2027 年工作日历");
    const loaded = readDeadlineRecompute(entry({ change: "calendar.officialLoaded", year: 2027, source: "x" }));
    expect(describeDeadlineRecompute(loaded!, en, enDay)[1]).toBe("Because the State Council's 2027 holiday schedule was loaded");
  });

  it("still says what moved when the reason is unknown, and gives up on an entry without both deadlines", () => {
    const odd = readDeadlineRecompute(entry({ change: "something.else" }));
    expect(describeDeadlineRecompute(odd!, zh, zhDay)).toEqual(["答复期限由 2026年12月8日 调整为 2026年12月9日", "原因：工作日历有变动"]);
    expect(readDeadlineRecompute({ dueAt: "2026-12-09T15:59:59.999Z" })).toBeNull();
    expect(readDeadlineRecompute({ previousDueAt: "x", dueAt: "2026-12-09T15:59:59.999Z" })).toBeNull();
    expect(readDeadlineRecompute("text")).toBeNull();
  });
});
