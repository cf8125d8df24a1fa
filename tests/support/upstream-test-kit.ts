import type { IncomingMessage, ServerResponse } from "node:http";
import type { FetchUpstreamOptions } from "@/lib/server/http/fetch-upstream";
import { listenTestServer, type TestServer } from "@/tests/support/listen-test-server";
import { UpstreamError } from "@/lib/server/http/upstream-error";

/** Shared scaffolding for the fetchUpstream tests: one real local server per test, plus recorded sleeps. */
export type TestHandler = (req: IncomingMessage, res: ServerResponse, hit: number) => void;

export interface UpstreamTestKit {
  seen: IncomingMessage[];
  sleeps: number[];
  serve(handler: TestHandler): Promise<string>;
  stopServer(): Promise<void>;
  options(url: string, extra?: Partial<FetchUpstreamOptions>): FetchUpstreamOptions;
}

export function createUpstreamTestKit(): UpstreamTestKit {
  let server: TestServer | undefined;
  const seen: IncomingMessage[] = [];
  const sleeps: number[] = [];
  return {
    seen,
    sleeps,
    async serve(handler) {
      server = await listenTestServer((req, res) => {
        seen.push(req);
        handler(req, res, seen.length);
      });
      return server.url;
    },
    async stopServer() {
      await server?.close();
      server = undefined;
      seen.length = 0;
      sleeps.length = 0;
    },
    options(url, extra = {}) {
      return {
        url,
        userAgent: "healthdeck-test/1.0 (+https://example.invalid)",
        headersTimeoutMs: 2_000,
        bodyTimeoutMs: 2_000,
        maxBytes: 1_000_000,
        retries: 0,
        retryBaseMs: 100,
        random: () => 0.5,
        sleep: async (ms) => {
          sleeps.push(ms);
        },
        ...extra,
      };
    },
  };
}

export async function captureRejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject");
}

export async function captureUpstreamError(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await captureRejection(promise);
  if (!(error instanceof UpstreamError)) throw new Error(`expected an UpstreamError, got ${String(error)}`);
  return error;
}
