import { describe, expect, it } from "vitest";
import { RequestStatus } from "@/lib/generated/prisma/enums";
import { enterpriseChoices, hasAnyChoice } from "./enterprise-choices";

const on = (status: RequestStatus, disputed: Date | null = null) => {
  const c = enterpriseChoices(status, disputed);
  return (Object.keys(c) as (keyof typeof c)[]).filter((k) => c[k]);
};

describe("enterpriseChoices", () => {
  it("offers edit for drafts (not withdraw: a draft is simply not submitted)", () => {
    expect(on(RequestStatus.DRAFT)).toEqual(["edit"]);
  });

  it("offers edit, dispute and withdraw on a returned item, dispute only once", () => {
    expect(on(RequestStatus.RETURNED)).toEqual(["edit", "dispute", "withdraw"]);
    expect(on(RequestStatus.RETURNED, new Date())).toEqual(["edit", "withdraw"]);
  });

  it("offers rating and a checked withdrawal after an answer", () => {
    expect(on(RequestStatus.ANSWERED)).toEqual(["rate", "withdraw", "withdrawAfterAnswer"]);
  });

  it("offers only withdraw while the park or a bank is handling it, nothing once finished", () => {
    for (const s of [RequestStatus.SUBMITTED, RequestStatus.FORWARDED, RequestStatus.SIGNED, RequestStatus.ESCALATED])
      expect(on(s)).toEqual(["withdraw"]);
    for (const s of [RequestStatus.CLOSED, RequestStatus.WITHDRAWN]) {
      expect(on(s)).toEqual([]);
      expect(hasAnyChoice(enterpriseChoices(s, null))).toBe(false);
    }
  });
});
