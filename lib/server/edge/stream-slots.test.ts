import { describe, expect, it } from "vitest";
import { createStreamSlots } from "@/lib/server/edge/stream-slots";

describe("createStreamSlots", () => {
  it("gives a client at most its share, frees a slot once per release, and keeps clients apart", () => {
    const slots = createStreamSlots(2);
    const first = slots.acquire("a");
    expect(slots.acquire("a")).not.toBeNull();
    expect(slots.acquire("a")).toBeNull();
    expect(slots.acquire("b")).not.toBeNull();
    first?.();
    first?.();
    expect(slots.count("a")).toBe(1);
    expect(slots.acquire("a")).not.toBeNull();
    expect(slots.acquire("a")).toBeNull();
  });
});
