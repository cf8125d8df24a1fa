import { describe, expect, it } from "vitest";
import { z } from "zod";
import { setZodJitless } from "@/lib/client/set-zod-jitless";

describe("setZodJitless", () => {
  it("is what zod reads as its own jitless setting", () => {
    const before = z.config().jitless;
    try {
      setZodJitless();
      expect(z.config().jitless).toBe(true);
    } finally {
      z.config({ jitless: before });
    }
  });

  it("creates zod's shared settings when zod has not loaded yet, and keeps others already there", () => {
    const empty: { __zod_globalConfig?: { jitless?: boolean; locale?: string } } = {};
    setZodJitless(empty);
    expect(empty.__zod_globalConfig).toEqual({ jitless: true });
    const existing = { __zod_globalConfig: { jitless: false, locale: "en" } };
    setZodJitless(existing);
    expect(existing.__zod_globalConfig).toEqual({ jitless: true, locale: "en" });
  });
});
