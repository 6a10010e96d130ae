import { describe, expect, it } from "vitest";
import { serializeError } from "@/lib/observability/logger";
import { maskFreeText } from "./mask-free-text";

describe("maskFreeText", () => {
  it("masks e-mail addresses, mobiles and ID numbers inside free text", () => {
    const text = "550 5.1.1 <zhang.san@example.com> rejected; mobile 13812345678, +86 139-1234-5678, id 43090219900101123X";
    const masked = maskFreeText(text);
    expect(masked).not.toContain("zhang.san@example.com");
    expect(masked).not.toContain("13812345678");
    expect(masked).not.toContain("1234-5678");
    expect(masked).not.toContain("19900101");
    expect(masked).toContain("z***@example.com");
    expect(masked).toContain("138****5678");
    expect(masked).toContain("430902********123X");
  });

  it("leaves numbers that are not mobiles alone: longer digit runs, amounts, ids", () => {
    expect(maskFreeText("job 123456789012345 took 13812345 ms; RQ2026-000123")).toBe("job 123456789012345 took 13812345 ms; RQ2026-000123");
    expect(maskFreeText("timestamp 1738123456789")).toBe("timestamp 1738123456789");
  });

  it("is what the logger's error serializer applies to messages, stacks and causes", () => {
    const error = new Error("duplicate 13812345678", { cause: new Error("for li.si@example.org") });
    const logged = JSON.stringify(serializeError(error));
    expect(logged).not.toContain("13812345678");
    expect(logged).not.toContain("li.si@example.org");
    expect(logged).toContain("138****5678");
  });
});
