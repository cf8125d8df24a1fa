import { describe, expect, it } from "vitest";
import { encodeJson, matchesIfNoneMatch } from "@/lib/server/api/encoded-json";

describe("encodeJson", () => {
  it("gives equal bytes the same strong ETag and other bytes another", () => {
    const a = encodeJson('{"a":1}');
    expect(a.etag).toMatch(/^"[\w-]{32}"$/);
    expect(encodeJson('{"a":1}').etag).toBe(a.etag);
    expect(encodeJson('{"a":2}').etag).not.toBe(a.etag);
  });
});

describe("matchesIfNoneMatch", () => {
  it("matches the tag, a list holding it, its weak form and *", () => {
    expect(matchesIfNoneMatch('"x"', '"x"')).toBe(true);
    expect(matchesIfNoneMatch('"y", "x"', '"x"')).toBe(true);
    expect(matchesIfNoneMatch('W/"x"', '"x"')).toBe(true);
    expect(matchesIfNoneMatch("*", '"x"')).toBe(true);
    expect(matchesIfNoneMatch('"y"', '"x"')).toBe(false);
    expect(matchesIfNoneMatch(null, '"x"')).toBe(false);
  });
});
