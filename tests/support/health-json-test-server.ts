import { listenTestServer } from "@/tests/support/listen-test-server";

/** Test scaffolding: a real awsJson1_1 endpoint on 127.0.0.1 answering from a script, for SDK round trips. */
export interface ScriptedReply {
  status?: number;
  body: unknown;
}

export interface RecordedHealthCall {
  operation: string;
  input: Record<string, unknown>;
}

export interface HealthJsonTestServer {
  url: string;
  calls: RecordedHealthCall[];
  close(): Promise<void>;
}

export async function serveHealthJson(reply: (call: RecordedHealthCall) => ScriptedReply): Promise<HealthJsonTestServer> {
  const calls: RecordedHealthCall[] = [];
  const server = await listenTestServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const target = String(req.headers["x-amz-target"] ?? "");
      const text = Buffer.concat(chunks).toString("utf8");
      const call: RecordedHealthCall = { operation: target.replace(/^AWSHealth_20160804\./, ""), input: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
      calls.push(call);
      const answer = reply(call);
      res.writeHead(answer.status ?? 200, { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": `test-${calls.length}` });
      res.end(JSON.stringify(answer.body));
    });
  });
  return { url: server.url, calls, close: () => server.close() };
}

export const TEST_CREDENTIALS = { accessKeyId: "AKIDTESTTESTTESTTEST", secretAccessKey: "test-secret-not-real" };
