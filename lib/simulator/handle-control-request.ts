import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { StepInfo } from "@/lib/simulator/scenario-runner";
import { setFaultRequestSchema, type Fault, type FaultTarget } from "@/lib/simulator/simulator-fault";
import type { SimulatorStats } from "@/lib/simulator/simulator-stats";

export const CONTROL_PREFIX = "/__sim/";
export const MAX_CONTROL_BODY_BYTES = 16 * 1024;

export interface SimulatorState {
  scenario: string;
  /** Index of the last applied step, -1 before the first. */
  stepIndex: number;
  stepCount: number;
  faults: Record<Exclude<FaultTarget, "all">, Fault | null>;
  latencyMs: number;
  stats: SimulatorStats;
}

export interface SimulatorControl {
  step(): StepInfo;
  reset(): void;
  setFault(fault: Fault | null, target?: FaultTarget): void;
  resetStats(): void;
  state(): SimulatorState;
}

/** POST /__sim/step|reset|fault|stats/reset and GET /__sim/state, so other processes can drive the simulator. */
export async function handleControlRequest(req: IncomingMessage, res: ServerResponse, path: string, control: SimulatorControl) {
  const route = `${req.method ?? "GET"} ${path.slice(CONTROL_PREFIX.length - 1)}`;
  switch (route) {
    case "GET /state":
      return sendJson(res, 200, control.state());
    case "POST /step":
      return sendJson(res, 200, control.step());
    case "POST /reset":
      control.reset();
      return sendJson(res, 200, control.state());
    case "POST /stats/reset":
      control.resetStats();
      return sendJson(res, 200, control.state());
    case "POST /fault":
      return setFaultFromBody(req, res, control);
    default:
      return sendJson(res, 404, { error: `no control route ${route}` });
  }
}

async function setFaultFromBody(req: IncomingMessage, res: ServerResponse, control: SimulatorControl) {
  const body = await readBoundedBody(req, MAX_CONTROL_BODY_BYTES);
  if (body === null) {
    res.setHeader("Connection", "close");
    return sendJson(res, 413, { error: `request body exceeds ${MAX_CONTROL_BODY_BYTES} bytes` });
  }
  let json: unknown;
  try {
    json = JSON.parse(body.toString("utf8"));
  } catch {
    return sendJson(res, 400, { error: "request body is not valid JSON" });
  }
  const parsed = setFaultRequestSchema.safeParse(json);
  if (!parsed.success) return sendJson(res, 400, { error: z.prettifyError(parsed.error) });
  control.setFault(parsed.data.fault, parsed.data.target);
  return sendJson(res, 200, control.state());
}

/** The body, or null as soon as it exceeds `limit` (the rest is drained, never buffered). */
export function readBoundedBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) {
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.on("end", () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  const body = Buffer.from(JSON.stringify(payload), "utf8");
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": body.length, "Cache-Control": "no-store" });
  res.end(body);
}
