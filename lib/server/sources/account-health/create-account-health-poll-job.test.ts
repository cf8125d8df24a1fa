import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/server/config/load-config";
import { silentLogger } from "@/lib/server/logging/create-logger";
import { createHealthdeckRuntime } from "@/lib/server/runtime/create-healthdeck-runtime";
import { listSourceHealth } from "@/lib/server/services/get-source-health";
import { openHealthdeckStore } from "@/lib/server/store/open-healthdeck-store";

const runtimeWith = (env: Record<string, string>) =>
  createHealthdeckRuntime({ config: parseConfig(env), store: openHealthdeckStore(":memory:"), logger: silentLogger, accountHealth: { env: {} } });

describe("account-health wiring", () => {
  it("registers no job when HEALTHDECK_ACCOUNT_HEALTH=off and lists the source as disabled", async () => {
    const runtime = runtimeWith({ HEALTHDECK_ACCOUNT_HEALTH: "off" });
    try {
      await expect(runtime.poller.runNow("account-health")).rejects.toThrow("unknown poll job account-health");
      const source = (await listSourceHealth(runtime, runtime.now())).at(-1);
      expect(source).toMatchObject({ id: "account-health", label: "Your AWS accounts (Health API)", state: "disabled", intervalSeconds: 60 });
      expect(source?.error).toContain("HEALTHDECK_ACCOUNT_HEALTH=off");
    } finally {
      await runtime.close();
    }
  });

  it("lists the account source after the public ones, waiting for its first poll, with its own interval", async () => {
    const runtime = runtimeWith({ HEALTHDECK_ACCOUNT_POLL_SECONDS: "300" });
    try {
      const sources = await listSourceHealth(runtime, runtime.now());
      expect(sources.map((source) => source.id)).toEqual(["public-currentevents", "public-rss", "public-catalog", "account-health"]);
      expect(sources.at(-1)).toMatchObject({ state: "stale", intervalSeconds: 300, error: "waiting for the first successful poll" });
    } finally {
      await runtime.close();
    }
  });
});
