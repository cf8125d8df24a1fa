import { afterEach, describe, expect, it } from "vitest";
import { fetchUpstream } from "@/lib/server/http/fetch-upstream";
import { captureUpstreamError, createUpstreamTestKit } from "@/tests/support/upstream-test-kit";

const kit = createUpstreamTestKit();
const { seen, sleeps, serve, options } = kit;
const upstreamRejection = captureUpstreamError;

afterEach(() => kit.stopServer());

describe("fetchUpstream", () => {
  it("returns the raw bytes and validators of a 200, sending User-Agent and Accept but no conditionals", async () => {
    const payload = Buffer.from([0xfe, 0xff, 0x00, 0x5b, 0x00, 0x5d]);
    const url = await serve((_req, res) => {
      res.writeHead(200, { ETag: '"abc"', "Last-Modified": "Tue, 18 Aug 2026 12:20:30 GMT" });
      res.end(payload);
    });
    const result = await fetchUpstream(options(`${url}/public/currentevents`));
    expect(result).toEqual({
      status: 200,
      body: new Uint8Array(payload),
      validators: { etag: '"abc"', lastModified: "Tue, 18 Aug 2026 12:20:30 GMT" },
      url: `${url}/public/currentevents`,
      bytes: 6,
      attempts: 1,
    });
    const headers = seen[0]?.headers;
    expect(headers?.["user-agent"]).toBe("healthdeck-test/1.0 (+https://example.invalid)");
    expect(headers?.accept).toContain("application/json");
    expect(headers?.["if-none-match"]).toBeUndefined();
    expect(headers?.["if-modified-since"]).toBeUndefined();
  });

  it("sends the validators it was given and treats 304 as success with a null body", async () => {
    const url = await serve((req, res) => {
      const matches = req.headers["if-none-match"] === '"v1"';
      res.writeHead(matches ? 304 : 200, { ETag: '"v1"' });
      res.end(matches ? undefined : "fresh");
    });
    const validators = { etag: '"v1"', lastModified: "Tue, 18 Aug 2026 12:20:30 GMT" };
    const result = await fetchUpstream(options(url, { validators }));
    expect(result.status).toBe(304);
    expect(result.body).toBeNull();
    expect(result.bytes).toBe(0);
    expect(result.validators).toEqual(validators);
    expect(seen[0]?.headers["if-none-match"]).toBe('"v1"');
    expect(seen[0]?.headers["if-modified-since"]).toBe("Tue, 18 Aug 2026 12:20:30 GMT");
  });

  it("retries a 500 and succeeds on the next attempt", async () => {
    const url = await serve((_req, res, hit) => {
      res.writeHead(hit === 1 ? 500 : 200);
      res.end(hit === 1 ? "boom" : "ok");
    });
    const result = await fetchUpstream(options(url, { retries: 2 }));
    expect(result.status).toBe(200);
    expect(Buffer.from(result.body ?? []).toString()).toBe("ok");
    expect(result.attempts).toBe(2);
    expect(seen).toHaveLength(2);
    expect(sleeps).toEqual([50]);
  });

  it("does not retry a 404", async () => {
    const url = await serve((_req, res) => {
      res.writeHead(404);
      res.end("missing");
    });
    const error = await upstreamRejection(fetchUpstream(options(url, { retries: 3 })));
    expect(error.kind).toBe("http");
    expect(error.status).toBe(404);
    expect(error.isTransient).toBe(false);
    expect(seen).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("retries 429 with full-jitter exponential backoff from the injected random and sleep", async () => {
    const url = await serve((_req, res) => {
      res.writeHead(429);
      res.end();
    });
    const error = await upstreamRejection(
      fetchUpstream(options(url, { retries: 3, retryBaseMs: 1_000, random: () => 0.25 })),
    );
    expect(error.status).toBe(429);
    expect(error.isTransient).toBe(true);
    expect(seen).toHaveLength(4);
    expect(sleeps).toEqual([250, 500, 1_000]);
  });

  it("caps the backoff at 30 s", async () => {
    const url = await serve((_req, res) => {
      res.writeHead(503);
      res.end();
    });
    await upstreamRejection(fetchUpstream(options(url, { retries: 2, retryBaseMs: 20_000, random: () => 0.999 })));
    expect(sleeps).toEqual([19_980, 29_970]);
  });

  it("fails with kind network, transient and retried, when nothing listens", async () => {
    const url = await serve(() => undefined);
    await kit.stopServer();
    const error = await upstreamRejection(fetchUpstream(options(url, { retries: 1 })));
    expect(error.kind).toBe("network");
    expect(error.isTransient).toBe(true);
    expect(sleeps).toHaveLength(1);
  });
});
