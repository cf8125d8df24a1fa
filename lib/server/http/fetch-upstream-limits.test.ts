import { afterEach, describe, expect, it } from "vitest";
import { fetchUpstream } from "@/lib/server/http/fetch-upstream";
import { captureRejection, captureUpstreamError, createUpstreamTestKit } from "@/tests/support/upstream-test-kit";

const kit = createUpstreamTestKit();
const { seen, sleeps, serve, options } = kit;

afterEach(() => kit.stopServer());

describe("fetchUpstream timeouts", () => {
  it("times out when the server never sends headers", async () => {
    const url = await serve(() => undefined);
    const started = Date.now();
    const error = await captureUpstreamError(fetchUpstream(options(url, { headersTimeoutMs: 150 })));
    expect(error.kind).toBe("timeout");
    expect(error.isTransient).toBe(true);
    expect(error.message).toContain("response headers");
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("times out separately on a body that stalls halfway", async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { "Content-Length": "100" });
      res.write("x".repeat(50));
    });
    const started = Date.now();
    const error = await captureUpstreamError(
      fetchUpstream(options(url, { headersTimeoutMs: 5_000, bodyTimeoutMs: 200, retries: 1 })),
    );
    expect(error.kind).toBe("timeout");
    expect(error.message).toContain("body read");
    expect(seen).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe("fetchUpstream size limit", () => {
  it("rejects early on a Content-Length above maxBytes, without waiting for the body", async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { "Content-Length": String(10 * 1024 * 1024) });
      res.write("x".repeat(10));
    });
    const error = await captureUpstreamError(
      fetchUpstream(options(url, { maxBytes: 1_000, bodyTimeoutMs: 5_000, retries: 2 })),
    );
    expect(error.kind).toBe("too-large");
    expect(error.message).toContain("Content-Length");
    expect(error.isTransient).toBe(false);
    expect(seen).toHaveLength(1);
  });

  it("aborts a streamed body without Content-Length once it exceeds maxBytes", async () => {
    let written = 0;
    const url = await serve((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      const pump = () => {
        while (!res.destroyed && written < 50 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
      };
      pump();
    });
    const error = await captureUpstreamError(fetchUpstream(options(url, { maxBytes: 100_000, retries: 2 })));
    expect(error.kind).toBe("too-large");
    expect(error.message).toContain("100000");
    expect(seen).toHaveLength(1);
    expect(seen[0]?.headers["content-length"]).toBeUndefined();
    expect(written).toBeLessThan(50 * 1024 * 1024);
  });

  it("accepts a body of exactly maxBytes", async () => {
    const url = await serve((_req, res) => res.end("y".repeat(64)));
    const result = await fetchUpstream(options(url, { maxBytes: 64 }));
    expect(result.bytes).toBe(64);
  });
});

describe("fetchUpstream redirects", () => {
  it("follows a redirect manually and reports the final URL", async () => {
    const url = await serve((req, res) => {
      if (req.url === "/old") {
        res.writeHead(301, { Location: "/new" });
        res.end();
        return;
      }
      res.writeHead(200, { ETag: '"n"' });
      res.end("moved here");
    });
    const result = await fetchUpstream(options(`${url}/old`, { validators: { etag: '"n0"' } }));
    expect(result.url).toBe(`${url}/new`);
    expect(Buffer.from(result.body ?? []).toString()).toBe("moved here");
    expect(seen.map((req) => req.url)).toEqual(["/old", "/new"]);
    expect(seen[1]?.headers["if-none-match"]).toBe('"n0"');
    expect(result.attempts).toBe(1);
  });

  it("fails with kind redirect on a loop, without retrying", async () => {
    const url = await serve((req, res) => {
      res.writeHead(302, { Location: req.url === "/a" ? "/b" : "/a" });
      res.end();
    });
    const error = await captureUpstreamError(fetchUpstream(options(`${url}/a`, { retries: 3 })));
    expect(error.kind).toBe("redirect");
    expect(error.message).toContain("loop");
    expect(seen.map((req) => req.url)).toEqual(["/a", "/b"]);
  });

  it("fails with kind redirect after maxRedirects hops", async () => {
    const url = await serve((req, res) => {
      const n = Number(req.url?.slice(1));
      res.writeHead(307, { Location: `/${n + 1}` });
      res.end();
    });
    const error = await captureUpstreamError(fetchUpstream(options(`${url}/0`, { maxRedirects: 3 })));
    expect(error.kind).toBe("redirect");
    expect(error.message).toContain("more than 3");
    expect(seen).toHaveLength(4);
  });
});

describe("fetchUpstream abort", () => {
  it("stops a pending request when the caller aborts, with the caller's reason and no retry", async () => {
    const controller = new AbortController();
    // Abort once the server holds the request, so the test does not depend on timing under load.
    const url = await serve(() => controller.abort(new Error("shutting down")));
    const error = await captureRejection(
      fetchUpstream(options(url, { signal: controller.signal, headersTimeoutMs: 5_000, retries: 3 })),
    );
    expect(error).toEqual(new Error("shutting down"));
    expect(seen).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("stops during the backoff sleep when the caller aborts", async () => {
    const url = await serve((_req, res) => {
      res.writeHead(503);
      res.end();
    });
    const controller = new AbortController();
    const error = await captureRejection(
      fetchUpstream(
        options(url, {
          signal: controller.signal,
          retries: 5,
          sleep: () => {
            setTimeout(() => controller.abort(), 20);
            return new Promise<void>(() => undefined);
          },
        }),
      ),
    );
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({ name: "AbortError" });
    expect(seen).toHaveLength(1);
  });

  it("does not start when the signal is already aborted", async () => {
    const url = await serve((_req, res) => res.end("never"));
    const error = await captureRejection(fetchUpstream(options(url, { signal: AbortSignal.abort() })));
    expect(error).toBeInstanceOf(DOMException);
    expect(seen).toHaveLength(0);
  });

  it("aborts the real backoff timer too when no sleep is injected", async () => {
    const controller = new AbortController();
    // Abort once the first answer is out, i.e. during the 10 s backoff, whatever the machine's load.
    const url = await serve((_req, res) => {
      res.writeHead(500);
      res.end();
      setTimeout(() => controller.abort(new Error("stop")), 50);
    });
    const started = Date.now();
    const error = await captureRejection(
      fetchUpstream({ ...options(url, { signal: controller.signal, retries: 3, retryBaseMs: 10_000 }), sleep: undefined, random: () => 1 }),
    );
    expect(error).toEqual(new Error("stop"));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(seen).toHaveLength(1);
  });
});
