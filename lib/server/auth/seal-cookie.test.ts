import { describe, expect, it } from "vitest";
import { createCookieSealer } from "@/lib/server/auth/seal-cookie";

const OLD = "old-secret-0123456789abcdef0123456789abcdef";
const NEW = "new-secret-0123456789abcdef0123456789abcdef";
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

describe("createCookieSealer", () => {
  it("opens what it sealed, for the same purpose only", async () => {
    const sealer = createCookieSealer([NEW]);
    const value = await sealer.seal("session", { sub: "alice" }, inAnHour());
    expect((await sealer.open("session", value))?.sub).toBe("alice");
    expect(await sealer.open("display", value)).toBeNull();
  });

  it("keeps sessions sealed under the old secret after a rotation, and seals new ones with the new secret", async () => {
    const before = await createCookieSealer([OLD]).seal("session", { sub: "alice" }, inAnHour());
    const rotated = createCookieSealer([NEW, OLD]);
    expect((await rotated.open("session", before))?.sub).toBe("alice");
    const after = await rotated.seal("session", { sub: "bob" }, inAnHour());
    expect(await createCookieSealer([OLD]).open("session", after)).toBeNull();
    expect(await createCookieSealer([NEW]).open("session", before)).toBeNull();
  });

  it("refuses a tampered value and an expired one", async () => {
    const sealer = createCookieSealer([NEW]);
    const value = await sealer.seal("session", { sub: "alice" }, inAnHour());
    const parts = value.split(".");
    const ciphertext = parts[3]!;
    parts[3] = `${ciphertext.slice(0, -2)}${ciphertext.endsWith("A") ? "B" : "A"}${ciphertext.slice(-1)}`;
    expect(await sealer.open("session", parts.join("."))).toBeNull();
    const expired = await sealer.seal("session", { sub: "alice" }, Math.floor(Date.now() / 1000) - 120);
    expect(await sealer.open("session", expired)).toBeNull();
    expect(await sealer.open("session", "not-a-jwe")).toBeNull();
  });
});
