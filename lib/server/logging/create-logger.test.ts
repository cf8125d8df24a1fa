import { describe, expect, it } from "vitest";
import { createLogger, redactLogLine } from "@/lib/server/logging/create-logger";

describe("the logger", () => {
  it("writes one JSON line per entry at or above its level", () => {
    const lines: string[] = [];
    const logger = createLogger({ level: "info", write: (line) => lines.push(line) });
    logger.debug("hidden");
    logger.warn("source poll failed", { source: "public-rss", error: "HTTP 503" });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({ level: "warn", message: "source poll failed", source: "public-rss", error: "HTTP 503" });
  });

  it("cuts account ids and AWS key ids out of whatever it is given, AWS error messages included", () => {
    const lines: string[] = [];
    const logger = createLogger({ write: (line) => lines.push(line) });
    logger.warn("account health cycle did not succeed", {
      error: "User: arn:aws:sts::123456789012:assumed-role/Healthdeck/s is not authorized; key AKIAIOSFODNN7EXAMPLE",
    });
    const line = lines[0] ?? "";
    expect(line).not.toContain("123456789012");
    expect(line).not.toContain("AKIAIOSFODNN7EXAMPLE");
    expect(line).toContain("arn:aws:sts::…9012:assumed-role/Healthdeck/s");
    expect(line).toContain("AKIA…");
    // Epoch milliseconds have 13 digits and stay readable.
    expect(redactLogLine('{"at":1764264000000}')).toBe('{"at":1764264000000}');
  });

  it("hides a database URL's password, keeping the user and host", () => {
    expect(redactLogLine('{"error":"connect ECONNREFUSED postgres://healthdeck:s3cr3t-pw@db.internal:5432/healthdeck?sslmode=require"}')).toBe(
      '{"error":"connect ECONNREFUSED postgres://healthdeck:…@db.internal:5432/healthdeck?sslmode=require"}',
    );
    expect(redactLogLine("postgresql://u:p@h/db and postgres://nopassword@h/db")).toBe("postgresql://u:…@h/db and postgres://nopassword@h/db");
  });
});
