import { afterEach, describe, expect, it, vi } from "vitest";
import { makeZodJitless } from "@/lib/client/make-zod-jitless";

describe("makeZodJitless", () => {
  afterEach(() => {
    vi.resetModules();
  });

  it("turns jitless on in the zod that is already loaded", async () => {
    const { z } = await import("zod");
    z.config({ jitless: false });
    makeZodJitless();
    expect(z.config().jitless).toBe(true);
    z.config({ jitless: false });
  });

  it("leaves a config that zod adopts when it loads later", () => {
    const scope: Record<string, unknown> = {};
    makeZodJitless(scope);
    expect(scope.__zod_globalConfig).toEqual({ jitless: true });
  });

  it("keeps the other settings already there", () => {
    const scope: Record<string, unknown> = { __zod_globalConfig: { customError: "kept" } };
    makeZodJitless(scope);
    expect(scope.__zod_globalConfig).toEqual({ customError: "kept", jitless: true });
  });
});
