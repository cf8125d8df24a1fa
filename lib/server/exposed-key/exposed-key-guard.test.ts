import { describe, expect, it } from "vitest";
import { silentLogger } from "@/lib/server/logging/create-logger";
import { createExposedKeyGuard, isLoopbackRequest } from "@/lib/server/exposed-key/exposed-key-guard";

const request = (headers: Record<string, string>) => new Request("http://127.0.0.1:3000/api/v1/account/events/abcdefgh/exposed-key", { method: "POST", headers });

describe("the exposed-key guard (until sign-in: setting on and loopback only)", () => {
  it.each([
    [{ "x-forwarded-for": "127.0.0.1" }, true],
    [{ "x-forwarded-for": "::1" }, true],
    [{ "x-forwarded-for": "::ffff:127.0.0.1" }, true],
    [{ "x-forwarded-for": "127.0.0.1, 203.0.113.9" }, false],
    [{ "x-forwarded-for": "10.0.0.5" }, false],
    [{}, false],
    [{ "x-forwarded-for": "127.0.0.1", forwarded: "for=203.0.113.9" }, false],
  ])("%o → loopback %s", (headers, expected) => {
    expect(isLoopbackRequest(request(headers))).toBe(expected);
  });

  it("refuses everything when the setting is off, remote callers and cross-site posts when it is on", () => {
    const off = createExposedKeyGuard({ actions: "none", logger: silentLogger });
    expect(off.isActionEnabled).toBe(false);
    expect(off.authorize(request({ "x-forwarded-for": "127.0.0.1" }))).toMatchObject({ allowed: false, status: 404 });
    const on = createExposedKeyGuard({ actions: "deactivate", logger: silentLogger });
    expect(on.authorize(request({ "x-forwarded-for": "127.0.0.1" }))).toEqual({ allowed: true, actor: "local operator (loopback)" });
    expect(on.authorize(request({ "x-forwarded-for": "198.51.100.7" }))).toMatchObject({ allowed: false, status: 403 });
    expect(on.authorize(request({ "x-forwarded-for": "127.0.0.1", origin: "https://evil.example" }))).toMatchObject({ allowed: false, status: 403 });
    expect(on.authorize(request({ "x-forwarded-for": "127.0.0.1", origin: "http://127.0.0.1:3000" }))).toMatchObject({ allowed: true });
  });

  it("writes audit lines through the logger", async () => {
    const lines: { message: string; fields?: Record<string, unknown> }[] = [];
    const logger = { ...silentLogger, info: (message: string, fields?: Record<string, unknown>) => void lines.push({ message, fields }) };
    await createExposedKeyGuard({ actions: "deactivate", logger }).audit({ at: 0, actor: "a", action: "exposed-key.deactivate", eventId: "e", result: "deactivated", maskedKeyId: "****MPLE", reason: null });
    expect(lines).toEqual([{ message: "audit", fields: expect.objectContaining({ result: "deactivated", at: "1970-01-01T00:00:00.000Z" }) }]);
  });
});
