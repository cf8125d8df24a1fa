import { describe, expect, it } from "vitest";
import { healthEventEnvelopeSchema } from "@/lib/server/sources/eventbridge/eventbridge-event-schema";
import { normalizeHealthEvent, splitCommunicationId } from "@/lib/server/sources/eventbridge/normalize-health-event";
import { readSample } from "@/tests/fixtures/account-health/eventbridge-samples";

const envelope = { id: "e-1", time: 1_000 };

describe("splitCommunicationId", () => {
  it("strips the -<page> suffix AWS appends, even for a single page", () => {
    expect(splitCommunicationId("01b0993207d81a09dcd552ebd1e633e36cf1f09a-1", 1, envelope)).toEqual({
      communicationId: "01b0993207d81a09dcd552ebd1e633e36cf1f09a-1",
      communicationBase: "01b0993207d81a09dcd552ebd1e633e36cf1f09a",
    });
    expect(splitCommunicationId("1234abc-10", 10, envelope).communicationBase).toBe("1234abc");
  });

  it("keeps an id whose suffix is not the page, and derives a stable id for legacy events", () => {
    expect(splitCommunicationId("abc-12", 2, envelope).communicationBase).toBe("abc-12");
    expect(splitCommunicationId("-1", 1, envelope).communicationBase).toBe("-1");
    const legacy = splitCommunicationId(null, 1, envelope);
    expect(legacy).toEqual({ communicationId: "eventbridge:e-1@1000-1", communicationBase: "eventbridge:e-1@1000" });
    expect(splitCommunicationId(null, 1, envelope)).toEqual(legacy);
  });
});

describe("normalizeHealthEvent", () => {
  it("falls back to the event ARN's region when eventRegion is absent, never to the delivery region", () => {
    const sample = readSample("credentialsExposed2016");
    sample.region = "eu-west-1";
    sample.detail = { ...sample.detail, eventArn: "arn:aws:health:global::event/IAM/AWS_IAM_X/1" };
    const event = normalizeHealthEvent(healthEventEnvelopeSchema.parse(sample), 0);
    expect(event.record.region).toBe("global");
    expect(event.deliveryRegion).toBe("eu-west-1");
  });

  it("keeps an open status while the end lies ahead when no statusCode is sent", () => {
    const sample = readSample("credentialsExposed2016");
    sample.detail = { ...sample.detail, endTime: "Sun, 6 Jun 2016 10:00:00 GMT" };
    const parsed = healthEventEnvelopeSchema.parse(sample);
    expect(normalizeHealthEvent(parsed, Date.parse("2016-06-06T09:00:00Z")).record.status).toBe("open");
    expect(normalizeHealthEvent(parsed, Date.parse("2016-06-06T11:00:00Z")).record.status).toBe("closed");
  });

  it("treats an empty affectedAccount as absent and uses the envelope account", () => {
    const sample = readSample("instanceRetirement");
    sample.detail = { ...sample.detail, affectedAccount: "" };
    expect(normalizeHealthEvent(healthEventEnvelopeSchema.parse(sample), 0).record.accountId).toBe("123456789012");
  });
});
