import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { MAX_CONTROL_BODY_BYTES, readBoundedBody, sendJson } from "@/lib/simulator/handle-control-request";
import { snsSwitchesSchema, type SnsSimulation } from "@/lib/simulator/sns/create-sns-simulation";

export const SNS_CONTROL_PREFIX = "/__sim/sns/";

const topicBodySchema = z.strictObject({ topicArn: z.string().regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[\w-]{1,256}$/, "must be an SNS topic ARN") });

/** GET messages|switches, POST switch|topics|reset under /__sim/sns/, so other processes can see and steer the fake SNS. */
export async function handleSnsControl(req: IncomingMessage, res: ServerResponse, path: string, sns: SnsSimulation): Promise<void> {
  const route = `${req.method ?? "GET"} ${path.slice(SNS_CONTROL_PREFIX.length - 1)}`;
  if (route === "GET /messages") return sendJson(res, 200, sns.messages());
  if (route === "GET /switches") return sendJson(res, 200, sns.switches());
  if (route === "POST /reset") {
    sns.reset();
    return sendJson(res, 200, sns.switches());
  }
  if (route !== "POST /switch" && route !== "POST /topics") return sendJson(res, 404, { error: `no control route ${route}` });
  const body = await readBoundedBody(req, MAX_CONTROL_BODY_BYTES);
  if (body === null) return sendJson(res, 413, { error: `request body exceeds ${MAX_CONTROL_BODY_BYTES} bytes` });
  let json: unknown;
  try {
    json = JSON.parse(body.toString("utf8") || "{}");
  } catch {
    return sendJson(res, 400, { error: "the body is not JSON" });
  }
  const parsed = (route === "POST /switch" ? snsSwitchesSchema : topicBodySchema).safeParse(json);
  if (!parsed.success) return sendJson(res, 400, { error: z.prettifyError(parsed.error) });
  if ("topicArn" in parsed.data) sns.addTopic(parsed.data.topicArn);
  else sns.setSwitches(parsed.data);
  return sendJson(res, 200, sns.switches());
}
