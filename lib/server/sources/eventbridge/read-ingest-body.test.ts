import { describe, expect, it } from "vitest";
import { readIngestBody } from "@/lib/server/sources/eventbridge/read-ingest-body";

function streamOf(chunks: Uint8Array[], onPull: () => void = () => undefined): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      onPull();
      const chunk = chunks[index++];
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
  });
}

// Node's Request needs `duplex: "half"` for a stream body; the DOM RequestInit type does not list it.
function streamingRequest(body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Request {
  return new Request("http://127.0.0.1/ingest", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

describe("readIngestBody", () => {
  it("returns the body as text when it fits", async () => {
    const request = new Request("http://127.0.0.1/ingest", { method: "POST", body: '{"a":"é"}' });
    expect(await readIngestBody(request, 100)).toEqual({ ok: true, text: '{"a":"é"}' });
  });

  it("refuses a declared Content-Length over the limit without reading", async () => {
    let pulls = 0;
    const request = streamingRequest(streamOf([new Uint8Array(10)], () => (pulls += 1)), { "content-length": "2000" });
    expect(await readIngestBody(request, 1000)).toEqual({ ok: false, status: 413, error: "request body exceeds 1000 bytes" });
    expect(pulls).toBeLessThanOrEqual(1);
  });

  it("stops reading an undeclared body as soon as it passes the limit", async () => {
    let pulls = 0;
    const chunks = Array.from({ length: 100 }, () => new Uint8Array(400));
    const result = await readIngestBody(streamingRequest(streamOf(chunks, () => (pulls += 1))), 1000);
    expect(result).toEqual({ ok: false, status: 413, error: "request body exceeds 1000 bytes" });
    expect(pulls).toBeLessThan(10);
  });

  it("rejects empty bodies and invalid UTF-8", async () => {
    expect(await readIngestBody(new Request("http://127.0.0.1/ingest", { method: "POST" }), 100)).toMatchObject({ ok: false, status: 400, error: "request body is empty" });
    expect(await readIngestBody(streamingRequest(streamOf([new Uint8Array([0x7b, 0xff, 0x7d])])), 100)).toEqual({
      ok: false,
      status: 400,
      error: "request body is not valid UTF-8",
    });
  });
});
