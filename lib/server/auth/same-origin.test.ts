import { describe, expect, it } from "vitest";
import { checkSameOrigin, isSameOrigin } from "@/lib/server/auth/same-origin";

const headers = (entries: Record<string, string>) => new Headers(entries);

describe("the one same-origin check for state-changing posts", () => {
  it("accepts Fetch Metadata's same-origin, and an Origin naming the Host, the forwarded host or the public URL", () => {
    expect(isSameOrigin(headers({ host: "hd.example", "sec-fetch-site": "same-origin", origin: "null" }), undefined)).toBe(true);
    expect(isSameOrigin(headers({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }), undefined)).toBe(true);
    expect(isSameOrigin(headers({ host: "10.0.0.9:3000", "x-forwarded-host": "hd.example", origin: "https://hd.example" }), undefined)).toBe(true);
    expect(isSameOrigin(headers({ host: "10.0.0.9:3000", origin: "https://hd.example" }), "https://hd.example")).toBe(true);
  });

  it("refuses a missing or null Origin without Fetch Metadata, another site, and a malformed Origin", () => {
    expect(isSameOrigin(headers({ host: "127.0.0.1:3000" }), undefined)).toBe(false);
    expect(isSameOrigin(headers({ host: "127.0.0.1:3000", origin: "null" }), undefined)).toBe(false);
    expect(isSameOrigin(headers({ host: "127.0.0.1:3000", "sec-fetch-site": "same-site" }), undefined)).toBe(false);
    expect(isSameOrigin(headers({ host: "127.0.0.1:3000", origin: "::nonsense" }), undefined)).toBe(false);
    expect(checkSameOrigin(headers({ host: "hd.example", origin: "https://evil.example" }), "https://hd.example")).toEqual({ ok: false, origin: "evil.example", hosts: ["hd.example", "hd.example"] });
  });
});
