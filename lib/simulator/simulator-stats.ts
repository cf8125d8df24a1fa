import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";

export interface SimulatorStats {
  requests: number;
  bytes: number;
  byPath: Record<string, number>;
  notModified: number;
}

export interface StatsRecorder {
  countRequest(path: string): void;
  countNotModified(): void;
  countBytes(bytes: number): void;
  snapshot(): SimulatorStats;
  reset(): void;
}

export function createStatsRecorder(): StatsRecorder {
  let stats: SimulatorStats = { requests: 0, bytes: 0, byPath: {}, notModified: 0 };
  return {
    countRequest(path) {
      stats.requests += 1;
      stats.byPath[path] = (stats.byPath[path] ?? 0) + 1;
    },
    countNotModified() {
      stats.notModified += 1;
    },
    countBytes(bytes) {
      stats.bytes += bytes;
    },
    snapshot: () => ({ ...stats, byPath: { ...stats.byPath } }),
    reset() {
      stats = { requests: 0, bytes: 0, byPath: {}, notModified: 0 };
    },
  };
}

/** Writes a whole response with Content-Length, counting the body bytes actually sent (none for HEAD). */
export function sendWhole(
  req: IncomingMessage,
  res: ServerResponse,
  stats: StatsRecorder,
  status: number,
  headers: OutgoingHttpHeaders,
  body: Buffer,
): void {
  res.writeHead(status, { ...headers, "Content-Length": body.length });
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  stats.countBytes(body.length);
  res.end(body);
}

export function renderS3Error(code: string, message: string, key: string): Buffer {
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><Key>${escapeXml(key)}</Key><RequestId>SIMULATED</RequestId><HostId>healthdeck-simulator</HostId></Error>`,
    "utf8",
  );
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}
