import { describe, expect, it } from "vitest";
import { createEntityPageCache } from "@/lib/server/services/cache-entity-pages";

describe("entity page cache", () => {
  it("builds once per key and version, evicts the least recently used, and never keeps misses or huge bodies", async () => {
    const cache = createEntityPageCache(2, 10);
    let builds = 0;
    const build = (body: string | null) => async () => {
      builds += 1;
      return body;
    };
    expect(await cache.get("a", "v1", build("A1"))).toBe("A1");
    expect(await cache.get("a", "v1", build("other"))).toBe("A1");
    expect(builds).toBe(1);
    expect(await cache.get("a", "v2", build("A2"))).toBe("A2");
    expect(await cache.get("b", "v2", build("B2"))).toBe("B2");
    expect(await cache.get("a", "v2", build("x"))).toBe("A2");
    expect(await cache.get("c", "v2", build("C2"))).toBe("C2");
    // b was the least recently used of three.
    expect(await cache.get("b", "v2", build("B2'"))).toBe("B2'");
    expect(await cache.get("missing", "v2", build(null))).toBeNull();
    expect(await cache.get("missing", "v2", build("now there"))).toBe("now there");
    expect(await cache.get("big", "v2", build("0123456789abc"))).toBe("0123456789abc");
    const before = builds;
    await cache.get("big", "v2", build("0123456789abc"));
    expect(builds).toBe(before + 1);
  });
});
