import { describe, expect, it } from "vitest";
import { formatCount } from "@/lib/client/format-count";

describe("formatCount", () => {
  it("groups thousands as en-US does", () => {
    for (const value of [0, 7, 999, 1000, 5807, 50_000, 100_000, 1_234_567, -1200, 12.5]) {
      expect(formatCount(value)).toBe(new Intl.NumberFormat("en-US", { maximumFractionDigits: 20 }).format(value));
    }
  });
});
