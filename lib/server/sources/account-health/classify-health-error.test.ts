import { DescribeEventsCommand } from "@aws-sdk/client-health";
import { afterEach, describe, expect, it } from "vitest";
import { classifyHealthError, SUBSCRIPTION_REASON } from "@/lib/server/sources/account-health/classify-health-error";
import { createHealthClient } from "@/lib/server/sources/account-health/create-health-client";
import { serveHealthJson, TEST_CREDENTIALS, type HealthJsonTestServer } from "@/tests/support/health-json-test-server";

let server: HealthJsonTestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** The error the real SDK throws for one wire answer. */
async function errorFor(status: number, body: unknown): Promise<unknown> {
  server = await serveHealthJson(() => ({ status, body }));
  const client = createHealthClient(
    { region: "us-east-1", endpoint: server.url, via: "override" },
    { credentials: TEST_CREDENTIALS, maxAttempts: 1, retryMode: "standard", requestTimeoutMs: 2000, userAgent: "healthdeck-test" },
  );
  return client.send(new DescribeEventsCommand({})).then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error,
  );
}

describe("classifyHealthError on errors the real SDK raises", () => {
  it("reads an unmodeled SubscriptionRequiredException with an empty message as unavailable", async () => {
    const failure = classifyHealthError(await errorFor(400, { __type: "SubscriptionRequiredException", message: "" }));
    expect(failure).toEqual({ kind: "unavailable", code: "SubscriptionRequiredException", reason: SUBSCRIPTION_REASON, httpStatus: 400 });
  });

  it("sanitises a namespaced access-denied code and keeps AWS's message", async () => {
    const failure = classifyHealthError(
      await errorFor(403, { __type: "com.amazonaws.health#AccessDeniedException:http://internal.amazon.com/", message: "User is not authorized to perform health:DescribeEvents" }),
    );
    expect(failure.kind).toBe("unavailable");
    expect(failure.code).toBe("AccessDeniedException");
    expect(failure.reason).toContain("User is not authorized to perform health:DescribeEvents");
  });

  it("treats expired tokens as unavailable and throttling (400 or 429) as throttled", async () => {
    expect(classifyHealthError(await errorFor(400, { __type: "ExpiredTokenException", message: "The security token included in the request is expired" })).kind).toBe("unavailable");
    expect(classifyHealthError(await errorFor(400, { __type: "ThrottlingException", message: "Rate exceeded" }))).toEqual({
      kind: "throttled",
      code: "ThrottlingException",
      reason: "AWS Health API is throttling requests (ThrottlingException): Rate exceeded",
      httpStatus: 400,
    });
    await server?.close();
    expect(classifyHealthError(await errorFor(429, {})).kind).toBe("throttled");
  });

  it("leaves server errors as plain errors", async () => {
    const failure = classifyHealthError(await errorFor(500, { __type: "InternalFailure", message: "boom" }));
    expect(failure).toEqual({ kind: "error", code: "InternalFailure", reason: "boom (InternalFailure, HTTP 500)", httpStatus: 500 });
    expect(classifyHealthError("weird")).toEqual({ kind: "error", code: "Error", reason: "weird (Error)", httpStatus: null });
  });
});
