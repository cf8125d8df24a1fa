import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { MAX_CONTROL_BODY_BYTES, readBoundedBody, sendJson } from "@/lib/simulator/handle-control-request";
import { healthSwitchesPatchSchema, type HealthSwitchesPatch } from "@/lib/simulator/health-api/health-api-switches";
import { ORG_VIEW_STATUSES, type OrgViewStatus } from "@/lib/simulator/health-api/org-view-control";

export const HEALTH_CONTROL_PREFIX = "/__sim/health/";

export interface HealthControl {
  state(): unknown;
  stats(): unknown;
  resetStats(): void;
  setSwitches(patch: HealthSwitchesPatch): void;
  resetSwitches(): void;
  setOrgView(status: OrgViewStatus): void;
  step(): unknown;
  reset(): void;
}

const switchBodySchema = healthSwitchesPatchSchema.extend({ reset: z.boolean().optional() });
const orgViewBodySchema = z.strictObject({ status: z.enum(ORG_VIEW_STATUSES) });

/**
 * GET state|stats, POST stats/reset|switch|org-view|step|reset under /__sim/health/, never faulted or delayed.
 * `POST switch` takes a partial HealthSwitchesPatch; `{"reset": true}` first restores the defaults.
 */
export async function handleHealthControl(req: IncomingMessage, res: ServerResponse, path: string, control: HealthControl): Promise<void> {
  const route = `${req.method ?? "GET"} ${path.slice(HEALTH_CONTROL_PREFIX.length - 1)}`;
  switch (route) {
    case "GET /state":
      return sendJson(res, 200, control.state());
    case "GET /stats":
      return sendJson(res, 200, control.stats());
    case "POST /stats/reset":
      control.resetStats();
      return sendJson(res, 200, control.stats());
    case "POST /step":
      return sendJson(res, 200, control.step());
    case "POST /reset":
      control.reset();
      return sendJson(res, 200, control.state());
    case "POST /switch":
      return withBody(req, res, switchBodySchema, ({ reset, ...patch }) => {
        if (reset) control.resetSwitches();
        control.setSwitches(patch);
        return control.state();
      });
    case "POST /org-view":
      return withBody(req, res, orgViewBodySchema, ({ status }) => {
        control.setOrgView(status);
        return control.state();
      });
    default:
      return sendJson(res, 404, { error: `no control route ${route}` });
  }
}

async function withBody<T extends z.ZodType>(req: IncomingMessage, res: ServerResponse, schema: T, apply: (body: z.infer<T>) => unknown): Promise<void> {
  const body = await readBoundedBody(req, MAX_CONTROL_BODY_BYTES);
  if (body === null) {
    res.setHeader("Connection", "close");
    return sendJson(res, 413, { error: `request body exceeds ${MAX_CONTROL_BODY_BYTES} bytes` });
  }
  let json: unknown;
  try {
    json = JSON.parse(body.toString("utf8") || "{}");
  } catch {
    return sendJson(res, 400, { error: "request body is not valid JSON" });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return sendJson(res, 400, { error: z.prettifyError(parsed.error) });
  return sendJson(res, 200, apply(parsed.data));
}
