import { describe, expect, it } from "vitest";
import {
  PublicStatusParseError,
  isPublicStatusParseError,
} from "@/lib/server/sources/public-status/public-status-parse-error";

describe("PublicStatusParseError", () => {
  it("is a typed Error with payload, kind, name and cause", () => {
    const cause = new SyntaxError("Unexpected end of JSON input");
    const error = new PublicStatusParseError("currentevents", "invalid JSON", { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("PublicStatusParseError");
    expect(error.kind).toBe("parse");
    expect(error.payload).toBe("currentevents");
    expect(error.message).toBe("currentevents: invalid JSON");
    expect(error.cause).toBe(cause);
    expect(isPublicStatusParseError(error)).toBe(true);
    expect(isPublicStatusParseError(new Error("x"))).toBe(false);
  });
});
