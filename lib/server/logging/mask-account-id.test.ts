import { describe, expect, it } from "vitest";
import { maskAccountId } from "@/lib/server/logging/mask-account-id";

describe("maskAccountId", () => {
  it("keeps the last four digits only", () => {
    expect(maskAccountId("123456789012")).toBe("…9012");
    expect(maskAccountId("12")).toBe("…");
    expect(maskAccountId(null)).toBeNull();
  });
});
