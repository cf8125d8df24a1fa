import { describe, expect, it } from "vitest";
import { withErrorMapping } from "@/lib/server/api/json-response";
import { createLogger } from "@/lib/server/logging/create-logger";

describe("withErrorMapping", () => {
  it("answers 500 'internal error' and logs the cause through the redacting logger", async () => {
    const lines: string[] = [];
    const logger = createLogger({ write: (line) => lines.push(line) });
    const response = await withErrorMapping(() => {
      throw new Error("User: arn:aws:sts::123456789012:assumed-role/Reader is not authorized (AKIAIOSFODNN7EXAMPLE)");
    }, logger);
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(body).toBe('{"error":"internal error"}');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("is not authorized");
    expect(lines[0]).not.toContain("123456789012");
    expect(lines[0]).not.toContain("AKIAIOSFODNN7EXAMPLE");
  });
});
