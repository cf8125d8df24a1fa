import "server-only";
import { jsonBody, jsonError } from "@/lib/server/api/json-response";
import type { HealthdeckConfig } from "@/lib/server/config/config-schema";
import { silentLogger, type Logger } from "@/lib/server/logging/create-logger";
import type { AccountScope } from "@/lib/server/auth/principal";
import { ingestEventBridgeEvents } from "@/lib/server/ingest/ingest-eventbridge-events";
import { limitIngestAccounts } from "@/lib/server/ingest/limit-ingest-accounts";
import { parseEventBridgePayload } from "@/lib/server/sources/eventbridge/parse-eventbridge-payload";
import { readIngestBody } from "@/lib/server/sources/eventbridge/read-ingest-body";
import { verifyIngestToken } from "@/lib/server/sources/eventbridge/verify-ingest-token";
import type { HealthdeckStore } from "@/lib/server/store/healthdeck-store";

export interface IngestRequestDeps {
  store: HealthdeckStore;
  config: Pick<HealthdeckConfig, "HEALTHDECK_INGEST_TOKEN" | "HEALTHDECK_INGEST_MAX_BYTES">;
  now?: () => number;
  logger?: Logger;
  /** the accounts an API token may write (its account limit); the ingest secret writes any: "all" */
  accounts?: AccountScope;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** POST /api/v1/ingest/eventbridge: the target of an EventBridge API destination for `aws.health` events. */
export async function handleIngestRequest(request: Request, deps: IngestRequestDeps): Promise<Response> {
  const { store, config } = deps;
  const logger = deps.logger ?? silentLogger;
  const token = config.HEALTHDECK_INGEST_TOKEN;
  if (!token) return jsonError(503, "ingest disabled: set HEALTHDECK_INGEST_TOKEN");

  const check = verifyIngestToken(request.headers, token);
  if (check !== "ok") {
    logger.warn("eventbridge ingest refused", { reason: `${check} token` });
    const response = jsonError(
      401,
      check === "missing"
        ? "missing ingest token: send Authorization: Bearer <token> or X-Healthdeck-Token: <token>"
        : "wrong ingest token",
    );
    response.headers.set("WWW-Authenticate", 'Bearer realm="healthdeck-ingest"');
    return response;
  }

  if (!JSON_TYPE.test(request.headers.get("content-type") ?? "")) {
    return jsonError(415, "Content-Type must be application/json");
  }

  const body = await readIngestBody(request, config.HEALTHDECK_INGEST_MAX_BYTES);
  if (!body.ok) return jsonError(body.status, body.error);

  let json: unknown;
  try {
    json = JSON.parse(body.text);
  } catch (error) {
    return jsonError(400, `request body is not valid JSON: ${error instanceof Error ? error.message : "parse error"}`);
  }

  const nowMs = (deps.now ?? Date.now)();
  const payload = parseEventBridgePayload(json, nowMs);
  if (!payload.ok) {
    logger.warn("eventbridge ingest rejected", { error: payload.error.slice(0, 500) });
    return jsonError(400, payload.error);
  }

  const allowed = limitIngestAccounts(deps.accounts ?? "all", payload.events, payload.indexes);
  const rejected = [...payload.rejected, ...allowed.refused].sort((a, b) => a.index - b.index);
  if (allowed.events.length === 0) {
    logger.warn("eventbridge ingest refused: every event is outside the API token's accounts", { rejected });
    return jsonError(403, `nothing stored: ${rejected.map((item) => `events[${item.index}]: ${item.error}`).join("; ").slice(0, 2000)}`);
  }
  const summary = await ingestEventBridgeEvents(store, allowed.events, nowMs, allowed.indexes);
  logger.info("eventbridge events ingested", {
    received: payload.events.length + payload.rejected.length,
    accepted: summary.accepted,
    duplicates: summary.duplicates,
    accounts: [...new Set(allowed.events.map((event) => event.record.accountId))],
  });
  if (rejected.length > 0) {
    logger.warn("eventbridge events rejected, the others stored", { rejected: rejected.map((item) => ({ index: item.index, error: item.error.slice(0, 500) })) });
  }
  const stored = new Set(allowed.indexes);
  const warnings = payload.warnings.filter((warning) => stored.has(warning.index));
  if (warnings.length > 0) logger.warn("eventbridge events stored with oddities", { warnings });
  return jsonBody({ ...summary, rejected, warnings });
}
