import { createServer, type Server } from "node:http";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchStatusResponse, StatusFetchError } from "@/lib/client/fetch-status-response";

const fixture = readFileSync(new URL("../../tests/fixtures/ui/status-response.json", import.meta.url), "utf8");
let server: Server;
let base = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/ok") res.writeHead(200, { "content-type": "application/json" }).end(fixture);
    else if (req.url === "/bad-param") res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ error: "region must be a region code" }));
    else if (req.url === "/wrong-shape") res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ services: 3 }));
    else res.writeHead(502).end("<html>bad gateway</html>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("fetchStatusResponse", () => {
  it("returns the validated response", async () => {
    const data = await fetchStatusResponse(`${base}/ok`);
    expect(data.services).toHaveLength(42);
    expect(data.events[0]?.updates).toHaveLength(23);
  });

  it("surfaces the server's 400 message", async () => {
    await expect(fetchStatusResponse(`${base}/bad-param`)).rejects.toThrow("region must be a region code");
  });

  it("rejects a body of the wrong shape and a non-JSON error page", async () => {
    await expect(fetchStatusResponse(`${base}/wrong-shape`)).rejects.toThrow("unexpected response");
    const error: unknown = await fetchStatusResponse(`${base}/gateway`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StatusFetchError);
    expect(error).toMatchObject({ httpStatus: 502, message: "HTTP 502" });
  });

  it("reports an unreachable server", async () => {
    await expect(fetchStatusResponse("http://127.0.0.1:9/")).rejects.toThrow("unreachable");
  });
});
