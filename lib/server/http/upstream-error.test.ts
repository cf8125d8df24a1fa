import { describe, expect, it } from "vitest";
import { UpstreamError, isUpstreamError } from "@/lib/server/http/upstream-error";

describe("UpstreamError", () => {
  it("derives isTransient from the kind and status", () => {
    const make = (kind: UpstreamError["kind"], status: number | null = null) =>
      new UpstreamError({ kind, status, url: "http://127.0.0.1/x", message: kind }).isTransient;
    expect(make("network")).toBe(true);
    expect(make("timeout")).toBe(true);
    expect(make("http", 500)).toBe(true);
    expect(make("http", 503)).toBe(true);
    expect(make("http", 429)).toBe(true);
    expect(make("http", 404)).toBe(false);
    expect(make("http", 403)).toBe(false);
    expect(make("too-large", 200)).toBe(false);
    expect(make("redirect", 302)).toBe(false);
    expect(make("parse")).toBe(false);
  });

  it("keeps an explicit isTransient, the cause and the fields", () => {
    const cause = new SyntaxError("Unexpected end of JSON input");
    const error = new UpstreamError({ kind: "parse", url: "http://127.0.0.1/y", message: "bad json", cause, isTransient: true });
    expect(error).toBeInstanceOf(Error);
    expect(isUpstreamError(error)).toBe(true);
    expect(isUpstreamError(new Error("plain"))).toBe(false);
    expect(error).toMatchObject({ name: "UpstreamError", kind: "parse", status: null, url: "http://127.0.0.1/y", isTransient: true });
    expect(error.cause).toBe(cause);
  });
});
