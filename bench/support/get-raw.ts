import { request } from "node:http";

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as sent on the wire (still compressed when the server compressed them). */
  body: Buffer;
  ms: number;
}

/** A plain node:http GET, so compressed bodies stay compressed and sizes are the real ones. */
export function getRaw(url: string, headers: Record<string, string> = {}, timeoutMs = 30_000): Promise<RawResponse> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { "accept-encoding": "identity", ...headers }, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), ms: performance.now() - started }),
      );
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`GET ${url} timed out after ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end();
  });
}

export async function getRawOk(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const response = await getRaw(url, headers);
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${response.body.toString("utf8").slice(0, 200)}`);
  return response;
}
