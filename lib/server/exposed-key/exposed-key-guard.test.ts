import { describe, expect, it } from "vitest";
import { silentLogger } from "@/lib/server/logging/create-logger";
import { createExposedKeyGuard, type GuardAccess } from "@/lib/server/exposed-key/exposed-key-guard";

const OWN_PAGE = { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" };
const request = (headers: Record<string, string> = OWN_PAGE) => new Request("http://127.0.0.1:3000/api/v1/account/events/abcdefgh/exposed-key", { method: "POST", headers });
const as = (who: { actor: string; isAdmin: boolean; isSignedIn: boolean }, audit: unknown[] = []): GuardAccess => ({
  identify: async () => who,
  appendAudit: async (entry) => void audit.push(entry),
});
const ADMIN = { actor: "alice", isAdmin: true, isSignedIn: true };
const VIEWER = { actor: "bob", isAdmin: false, isSignedIn: true };
const NOBODY = { actor: "anonymous", isAdmin: false, isSignedIn: false };

describe("the exposed-key guard (setting on, admins only, same origin)", () => {
  it("refuses everything when the setting is off, non-admins and cross-site posts when it is on", async () => {
    const off = createExposedKeyGuard({ actions: "none", logger: silentLogger, access: as(ADMIN) });
    expect(off.isActionEnabled).toBe(false);
    expect(await off.authorize(request())).toMatchObject({ allowed: false, status: 404 });
    const on = (who: typeof ADMIN) => createExposedKeyGuard({ actions: "deactivate", logger: silentLogger, access: as(who) });
    expect(await on(ADMIN).authorize(request())).toEqual({ allowed: true, actor: "alice" });
    expect(await on(VIEWER).authorize(request())).toMatchObject({ allowed: false, status: 403, reason: "only an admin may deactivate a key" });
    expect(await on(NOBODY).authorize(request())).toMatchObject({ allowed: false, status: 403, reason: "sign in as an admin to deactivate a key" });
    expect(await on(ADMIN).authorize(request({ host: "127.0.0.1:3000", origin: "https://evil.example" }))).toMatchObject({ allowed: false, status: 403 });
    expect(await on(ADMIN).authorize(request({ host: "127.0.0.1:3000", "sec-fetch-site": "cross-site" }))).toMatchObject({ allowed: false, status: 403 });
    expect(await on(ADMIN).authorize(request({ host: "127.0.0.1:3000", "sec-fetch-site": "same-origin" }))).toMatchObject({ allowed: true });
  });

  it("refuses a deactivate POST that says nothing of where it came from (no Origin, no Sec-Fetch-Site)", async () => {
    const guard = createExposedKeyGuard({ actions: "deactivate", logger: silentLogger, access: as(ADMIN) });
    expect(await guard.authorize(request({ host: "127.0.0.1:3000" }))).toEqual({ allowed: false, status: 403, reason: "the request came from another site", actor: "alice" });
    expect(await guard.authorize(request({ host: "127.0.0.1:3000", origin: "null" }))).toMatchObject({ allowed: false, status: 403 });
  });

  it("writes every attempt and result to the store's audit log and the logger", async () => {
    const lines: { message: string; fields?: Record<string, unknown> }[] = [];
    const stored: unknown[] = [];
    const logger = { ...silentLogger, info: (message: string, fields?: Record<string, unknown>) => void lines.push({ message, fields }) };
    await createExposedKeyGuard({ actions: "deactivate", logger, access: as(ADMIN, stored) }).audit({ at: 0, actor: "alice", action: "exposed-key.deactivate", eventId: "e", result: "deactivated", maskedKeyId: "****MPLE", reason: null });
    expect(lines).toEqual([{ message: "audit", fields: expect.objectContaining({ result: "deactivated", at: "1970-01-01T00:00:00.000Z" }) }]);
    expect(stored).toEqual([{ at: 0, actor: "alice", action: "exposed-key.deactivate.deactivated", subject: "e", detail: "****MPLE", address: null }]);
  });
});
