import { describe, expect, it } from "vitest";
import { createChangeRing } from "@/lib/server/hub/change-ring";

const chunk = (bytes: number) => new Uint8Array(bytes);

describe("createChangeRing", () => {
  it("returns what came after an id, nothing for the newest, null for an unknown one", () => {
    const ring = createChangeRing({ maxEntries: 10, maxBytes: 1000 }, "e-0");
    for (const id of ["e-1", "e-2", "e-3", "e-4"]) ring.push({ id, chunk: chunk(10) });
    expect(ring.after("e-0")?.map((entry) => entry.id)).toEqual(["e-1", "e-2", "e-3", "e-4"]);
    expect(ring.after("e-2")?.map((entry) => entry.id)).toEqual(["e-3", "e-4"]);
    expect(ring.after("e-4")).toEqual([]);
    expect(ring.after("other-process-4")).toBeNull();
  });

  it("forgets the oldest beyond its count, so an old id needs a snapshot", () => {
    const ring = createChangeRing({ maxEntries: 3, maxBytes: 1_000_000 }, "e-0");
    for (let i = 1; i <= 100; i += 1) ring.push({ id: `e-${i}`, chunk: chunk(5) });
    expect(ring.size).toBe(3);
    expect(ring.after("e-0")).toBeNull();
    expect(ring.after("e-96")).toBeNull();
    expect(ring.after("e-97")?.map((entry) => entry.id)).toEqual(["e-98", "e-99", "e-100"]);
    expect(ring.after("e-98")?.map((entry) => entry.id)).toEqual(["e-99", "e-100"]);
  });

  it("forgets the oldest beyond its bytes", () => {
    const ring = createChangeRing({ maxEntries: 100, maxBytes: 250 }, "e-0");
    for (let i = 1; i <= 10; i += 1) ring.push({ id: `e-${i}`, chunk: chunk(100) });
    expect(ring.size).toBe(2);
    expect(ring.bytes).toBe(200);
    ring.push({ id: "big", chunk: chunk(400) });
    expect(ring.size).toBe(0);
    expect(ring.bytes).toBe(0);
  });
});
