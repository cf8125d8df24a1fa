import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { accountEventSchema, type AccountEvent } from "@/lib/shared/account-health-contract";
import type { StreamSnapshot } from "@/lib/shared/stream-contract";
import { applyStreamChange, modelFromSnapshot } from "@/lib/client/live/live-model";
import { compareServices } from "@/lib/shared/compare-services";
import { diffSnapshots } from "@/lib/server/hub/diff-snapshots";
import { loadStatusFixture } from "@/tests/fixtures/ui/load-status-fixture";

function loadAccountFixture(): AccountEvent[] {
  const raw: unknown = JSON.parse(readFileSync(new URL("../../../tests/fixtures/ui/account-events.json", import.meta.url), "utf8"));
  return z.array(accountEventSchema).parse(raw);
}

function snapshotA(): StreamSnapshot {
  return { version: 7, status: loadStatusFixture(), account: { sources: [], events: loadAccountFixture() } };
}

/** A later state: one service worse, one gone, one new; one event updated, one gone; account events closed, gone and new. */
function snapshotB(): StreamSnapshot {
  const a = snapshotA();
  const services = a.status.services
    .filter((service) => service.key !== "s3-ap-northeast-1")
    .map((service) => (service.key === "ec2-us-east-1" ? { ...service, status: "disrupted" as const, since: "2026-08-18T12:40:00Z" } : service));
  services.push({ key: "rds-eu-north-1", service: "rds", region: "eu-north-1", name: "Amazon Relational Database Service", status: "degraded", since: "2026-08-18T12:41:00Z", account: null });
  const events = a.status.events
    .filter((event) => event.id !== "lambda-eu-west-1_1787037000")
    .map((event) =>
      event.id === "ec2-us-east-1_1787053680"
        ? { ...event, status: "disrupted" as const, updates: [{ at: "2026-08-18T12:40:00Z", status: "disrupted" as const, summary: "Worse", message: "More instances impaired." }, ...event.updates] }
        : event,
    );
  const [first, second, ...rest] = a.account.events;
  if (!first || !second) throw new Error("fixture has account events");
  const newEvent: AccountEvent = { ...first, id: "new-event-id", arn: `${first.arn}-NEW`, lastUpdatedTime: "2026-11-27T12:30:00.000Z" };
  return {
    version: 9,
    status: { ...a.status, generatedAt: "2026-08-18T12:42:00.000Z", services, events },
    account: { sources: [], events: [newEvent, { ...first, status: "closed", endTime: "2026-11-27T12:00:00.000Z" }, ...rest] },
  };
}

describe("diffSnapshots", () => {
  it("gives exactly the changed and removed items of each kind", () => {
    const change = diffSnapshots(snapshotA(), snapshotB());
    expect(change).not.toBeNull();
    expect(change?.version).toBe(9);
    expect(change?.generatedAt).toBe("2026-08-18T12:42:00.000Z");
    expect(change?.services?.map((service) => `${service.key}:${service.status}`)).toEqual(["ec2-us-east-1:disrupted", "rds-eu-north-1:degraded"]);
    expect(change?.removedServiceKeys).toEqual(["s3-ap-northeast-1"]);
    expect(change?.events?.map((event) => event.id)).toEqual(["ec2-us-east-1_1787053680"]);
    expect(change?.removedEventIds).toEqual(["lambda-eu-west-1_1787037000"]);
    expect(change?.accountEvents?.map((event) => `${event.id}:${event.status}`)).toEqual(["new-event-id:open", "4iF4TbNRklT8Fh2eW6nwCx:closed"]);
    expect(change?.removedAccountEventIds).toEqual(["X4X5udX63kr-TqNGV6cy78"]);
    expect(change).not.toHaveProperty("sources");
    expect(change).not.toHaveProperty("accountSources");
  });

  it("sends the whole source list when a source changed, and nothing when only the build time did", () => {
    const a = snapshotA();
    const later = { ...a, version: 8, status: { ...a.status, generatedAt: "2026-08-18T13:00:00.000Z" } };
    expect(diffSnapshots(a, later)).toBeNull();

    const sources = a.status.sources.map((source) => (source.id === "public-catalog" ? { ...source, state: "ok" as const, error: null } : source));
    const change = diffSnapshots(a, { ...later, status: { ...later.status, sources } });
    expect(change?.sources).toEqual(sources);
    expect(Object.keys(change ?? {}).sort()).toEqual(["generatedAt", "sources", "version"]);
  });
});

describe("applyStreamChange (the browser's side of the diff)", () => {
  it("turns A into B with the diff of A and B", () => {
    const a = snapshotA();
    const b = snapshotB();
    const change = diffSnapshots(a, b);
    if (change === null) throw new Error("A and B differ");
    const model = applyStreamChange(modelFromSnapshot(a), change);
    expect(model.version).toBe(9);
    expect(model.status.services).toEqual([...b.status.services].sort(compareServices));
    expect(model.status.services[0]?.status).toBe("disrupted");
    const byId = <T extends { id: string }>(items: readonly T[]) => [...items].sort((x, y) => x.id.localeCompare(y.id));
    expect(byId(model.status.events)).toEqual(byId(b.status.events));
    expect(byId(model.account.events)).toEqual(byId(b.account.events));
    expect(model.account.events[0]?.id).toBe("new-event-id");
    expect(model.status.generatedAt).toBe(b.status.generatedAt);
  });

  it("keeps the identity of what did not change, so React skips it", () => {
    const a = snapshotA();
    const start = modelFromSnapshot(a);
    const onlyAccount = applyStreamChange(start, { version: 8, generatedAt: "x", removedAccountEventIds: ["4iF4TbNRklT8Fh2eW6nwCx"] });
    expect(onlyAccount.status).toBe(start.status);
    expect(onlyAccount.account).not.toBe(start.account);
    expect(onlyAccount.account.events).toHaveLength(a.account.events.length - 1);

    const onlyStatus = applyStreamChange(start, { version: 8, generatedAt: "x", removedEventIds: ["lambda-eu-west-1_1787037000"] });
    expect(onlyStatus.account).toBe(start.account);
    expect(onlyStatus.status.services).toBe(start.status.services);
    expect(onlyStatus.status.events).toHaveLength(2);
  });

  it("stays the size of the screen over many changes", () => {
    let model = modelFromSnapshot(snapshotA());
    for (let i = 0; i < 500; i += 1) {
      const status = i % 2 === 0 ? ("disrupted" as const) : ("operational" as const);
      const service = model.status.services.find((item) => item.key === "ec2-eu-west-1");
      if (!service) throw new Error("fixture has ec2-eu-west-1");
      model = applyStreamChange(model, { version: 8 + i, generatedAt: "x", services: [{ ...service, status }] });
    }
    expect(model.status.services).toHaveLength(42);
    expect(model.status.services.filter((item) => item.key === "ec2-eu-west-1")).toHaveLength(1);
  });
});
