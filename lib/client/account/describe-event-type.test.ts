import { describe, expect, it } from "vitest";
import { describeEventType, firstLine, formatCount, labelCategory } from "@/lib/client/account/describe-event-type";
import { formatCountdown } from "@/lib/client/account/format-countdown";

describe("describeEventType", () => {
  it("turns codes into readable titles, keeping service acronyms", () => {
    expect(describeEventType("AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED")).toBe("EC2 instance retirement scheduled");
    expect(describeEventType("AWS_RISK_CREDENTIALS_EXPOSED")).toBe("Risk credentials exposed");
    expect(describeEventType("AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT")).toBe("Lambda planned lifecycle event");
    expect(describeEventType("SOMETHING_NEW")).toBe("Something new");
    expect(describeEventType("AWS_ABUSE_DOS_REPORT")).toBe("Abuse DoS report");
    expect(describeEventType("")).toBe("");
  });

  it("labels known categories and keeps unknown ones as they came", () => {
    expect(labelCategory("scheduledChange")).toBe("Scheduled change");
    expect(labelCategory("proactiveAdvice")).toBe("proactiveAdvice");
  });

  it("previews the first non-empty line", () => {
    expect(firstLine("\n\n  [RESOLVED] Delays  \n\nMore")).toBe("[RESOLVED] Delays");
    expect(firstLine("x".repeat(300), 10)).toBe("xxxxxxxxx…");
    expect(formatCount(50000)).toBe("50,000");
  });
});

describe("formatCountdown", () => {
  const now = Date.parse("2026-11-27T12:00:00Z");
  it("counts down to a start and up from it", () => {
    expect(formatCountdown(now + (3 * 24 + 4) * 3_600_000, now)).toBe("starts in 3 d 4 h");
    expect(formatCountdown(now + 90_000, now)).toBe("starts in 1 min");
    expect(formatCountdown(now - 2 * 3_600_000, now)).toBe("started 2 h ago");
    expect(formatCountdown(now - 1000, now)).toBe("started just now");
  });
});
