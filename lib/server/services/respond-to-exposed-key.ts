import "server-only";
import { z } from "zod";
import { exposedKeyPostSchema, type ExposedKeyResponse } from "@/lib/shared/exposed-key-contract";
import { getRuntime } from "@/lib/server/runtime/get-runtime";

const MAX_BODY_BYTES = 4 * 1024;

export type ServiceAnswer = { status: number; body: unknown };

export function getExposedKeyView(eventId: string): Promise<ExposedKeyResponse | null> {
  return getRuntime().exposedKey.getView(eventId);
}

/** POST …/exposed-key: `{ action: "lookup", hours, regions }` or `{ action: "deactivate", confirm }`. */
export async function postExposedKeyAction(eventId: string, request: Request, actor: string): Promise<ServiceAnswer> {
  const text = await request.text();
  if (new TextEncoder().encode(text).length > MAX_BODY_BYTES) return { status: 413, body: { error: `the body must be at most ${MAX_BODY_BYTES} bytes` } };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { status: 400, body: { error: 'the body must be JSON such as { "action": "lookup", "hours": 24, "regions": ["eu-west-1"] }' } };
  }
  const parsed = exposedKeyPostSchema.safeParse(json);
  if (!parsed.success) return { status: 400, body: { error: z.prettifyError(parsed.error) } };
  const responder = getRuntime().exposedKey;
  const input = parsed.data;
  if (input.action === "lookup") {
    const started = await responder.startLookup(eventId, { hours: input.hours, regions: input.regions, trigger: "manual", startedBy: actor });
    if (!started.ok) return { status: started.status, body: { error: started.message } };
    return { status: started.isNew ? 202 : 200, body: { lookup: started.lookup } };
  }
  const answer = await responder.deactivate(eventId, input.confirm, request);
  if (!answer.ok) return { status: answer.status, body: { error: answer.message } };
  return { status: answer.action.result === "failed" ? 502 : 200, body: { action: answer.action } };
}
