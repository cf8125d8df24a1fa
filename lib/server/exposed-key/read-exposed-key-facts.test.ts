import { describe, expect, it } from "vitest";
import { readSample } from "@/tests/fixtures/account-health/eventbridge-samples";
import { maskKeyId, readExposedKeyFacts, type ExposedKeyEventInput } from "@/lib/server/exposed-key/read-exposed-key-facts";

const base: ExposedKeyEventInput = {
  eventTypeCode: "AWS_RISK_CREDENTIALS_EXPOSED",
  accountId: "111122223333",
  region: "global",
  startTime: "2025-02-10T08:00:00.000Z",
  description: "A description of the event will be provided here",
  metadata: {},
  entityValues: [],
};

// The 2025 aws-samples test event (notify-and-remediate-exposed-access-key): detail.eventMetadata.
const metadata2025 = {
  publicKey: "AKIAI44QH8DHBEXAMPLE",
  userName: "build-user",
  accountId: "444455556666",
  exposedUrl: "https://github.com/example/repo/blob/main/config.env",
  notifcationdateplusfour: "2025-02-14",
  truncated: "false",
};

function sample2016(): ExposedKeyEventInput {
  const event = readSample("credentialsExposed2016");
  const entities = (event.detail.affectedEntities ?? []).map((entity) => String(entity.entityValue));
  return { ...base, accountId: event.account, startTime: "2016-06-05T15:10:09.000Z", entityValues: entities };
}

describe("readExposedKeyFacts", () => {
  it.each<{ shape: string; input: ExposedKeyEventInput; expected: Record<string, unknown> }>([
    {
      shape: "2025 metadata (publicKey, userName, accountId, exposedUrl)",
      input: { ...base, metadata: metadata2025, entityValues: ["AKIAI44QH8DHBEXAMPLE"] },
      expected: { keyId: "AKIAI44QH8DHBEXAMPLE", maskedKeyId: "****************MPLE", last4: "MPLE", userName: "build-user", accountId: "444455556666", exposedUrl: metadata2025.exposedUrl, keySource: "metadata", respondBy: "2025-02-14" },
    },
    {
      shape: "2016 sample without metadata: key id from the affected entity",
      input: sample2016(),
      expected: { keyId: "ACCESS_KEY_ID_HERE", last4: "HERE", userName: null, exposedUrl: null, accountId: "123456789012", keySource: "entity", foundAt: "2016-06-05T15:10:09.000Z" },
    },
    {
      shape: "entity besides an unusable metadata key",
      input: { ...base, metadata: { publicKey: "not a key" }, entityValues: ["AKIAIOSFODNN7EXAMPLE"] },
      expected: { keyId: "AKIAIOSFODNN7EXAMPLE", keySource: "entity", accountId: "111122223333" },
    },
    {
      shape: "only the description names the key",
      input: { ...base, description: "the AWS Access Key AKIAIOSFODNN7EXAMPLE, along with the corresponding Secret Key, is publicly available" },
      expected: { keyId: "AKIAIOSFODNN7EXAMPLE", keySource: "description" },
    },
    {
      shape: "nothing names a key",
      input: base,
      expected: { keyId: null, maskedKeyId: null, last4: null, keySource: null },
    },
    {
      shape: "exposedUrl without a scheme, and a script URL refused",
      input: { ...base, metadata: { exposedUrl: "github.com/example/leak" } },
      expected: { exposedUrl: "https://github.com/example/leak" },
    },
    {
      shape: "a javascript: exposedUrl is not a link",
      input: { ...base, metadata: { exposedUrl: "javascript:alert(1)" } },
      expected: { exposedUrl: null },
    },
    {
      shape: "a malformed metadata account falls back to the event's",
      input: { ...base, metadata: { accountId: "12" } },
      expected: { accountId: "111122223333" },
    },
  ])("$shape", ({ input, expected }) => {
    expect(readExposedKeyFacts(input)).toMatchObject(expected);
  });

  it("always gives the support-case hint, naming the account", () => {
    expect(readExposedKeyFacts(base).supportCaseHint).toContain("support case");
    expect(readExposedKeyFacts(base).supportCaseHint).toContain("111122223333");
  });

  it("masks all but the last four characters", () => {
    expect(maskKeyId("AKIAIOSFODNN7EXAMPLE")).toBe("****************MPLE");
    expect(maskKeyId("ABCD")).toBe("ABCD");
  });
});
