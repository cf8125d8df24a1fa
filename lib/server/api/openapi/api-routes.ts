import { z } from "zod";
import { accountEventResponseSchema, accountEventsResponseSchema, entitiesResponseSchema } from "@/lib/shared/account-health-contract";
import { accountEventsQuerySchema, entitiesQuerySchema } from "@/lib/shared/account-query";
import { changesQuerySchema, changesResponseSchema } from "@/lib/shared/changes-contract";
import { entityColumnsResponseSchema } from "@/lib/shared/entity-columns-schema";
import { historyQuerySchema } from "@/lib/shared/history-query";
import { actionRecordSchema, exposedKeyResponseSchema, lookupSchema } from "@/lib/shared/exposed-key-contract";
import { ingestSummarySchema } from "@/lib/shared/ingest-contract";
import { jsonFeedSchema } from "@/lib/shared/json-feed-contract";
import { liveScopeQuerySchema } from "@/lib/shared/live-scope";
import { deliveriesQuerySchema, deliveriesResponseSchema, deliveryDetailSchema } from "@/lib/shared/notifications-contract";
import { calendarQuerySchema, feedQuerySchema } from "@/lib/shared/outputs-query";
import { processHealthSchema } from "@/lib/shared/process-health-contract";
import { historyResponseSchema, statusResponseSchema } from "@/lib/shared/public-status-contract";
import { statusFilterQuerySchema } from "@/lib/shared/status-filter";
import { SNAPSHOT_FORMATS } from "@/lib/shared/stream-contract";
import { accountEventIdSchema } from "@/lib/server/api/parse-account-event-id";

/** Every route's contract, by the zod schemas its handler uses: the OpenAPI document is generated from this table. */
export const apiErrorSchema = z.object({ error: z.string() });

export type Access = "open" | "token" | "feed-token" | "ingest-token" | "admin" | "browser";

export interface ApiResponse {
  description: string;
  /** a named JSON body (components/schemas/<name>) */
  json?: { name: string; schema: z.core.$ZodType };
  /** another media type: of the JSON body when `json` is set, else of a body described in words */
  mediaType?: string;
}

export interface ApiRoute {
  method: "get" | "post";
  path: string;
  summary: string;
  access: Access;
  /** a zod or zod/mini object: the shared query schemas are zod/mini (the browser parses URLs with them) */
  query?: { shape: Record<string, z.core.$ZodType> };
  pathParams?: Record<string, z.ZodType>;
  requestBody?: { mediaType: string; description: string };
  responses: Record<string, ApiResponse>;
}

const error = (description: string): ApiResponse => ({ description, json: { name: "Error", schema: apiErrorSchema } });
const BAD_INPUT = error("invalid query parameters, with the reason");
const UNAUTHORIZED = error("no or wrong token (open without one only while Healthdeck listens on loopback)");
const NOT_MODIFIED: ApiResponse = { description: "the client's copy (If-None-Match) is current; no body" };
const eventId = { id: accountEventIdSchema };
const FORBIDDEN = error("signed in, or a token, without the role or scope the route needs");
const REDIRECT: ApiResponse = { description: "a redirect (303/302) to the next page of the flow" };
const browserForm = (path: string, summary: string): ApiRoute => ({
  method: "post",
  path,
  summary,
  access: "admin",
  requestBody: { mediaType: "application/x-www-form-urlencoded", description: "the admin page's form (same-origin only)" },
  responses: { "303": REDIRECT, "400": error("a form field is invalid"), "401": UNAUTHORIZED, "403": FORBIDDEN },
});

export const API_ROUTES: readonly ApiRoute[] = [
  { method: "get", path: "/api/v1/status", summary: "The public board: services, events and sources (ETag, 304).", access: "open", query: statusFilterQuerySchema, responses: { "200": { description: "the board", json: { name: "StatusResponse", schema: statusResponseSchema } }, "304": NOT_MODIFIED, "400": BAD_INPUT } },
  { method: "get", path: "/api/v1/history", summary: "Past public events overlapping a window.", access: "open", query: historyQuerySchema, responses: { "200": { description: "events, newest first", json: { name: "HistoryResponse", schema: historyResponseSchema } }, "400": BAD_INPUT } },
  { method: "get", path: "/api/v1/changes", summary: "The journal of changes from an id, filtered like the board.", access: "open", query: changesQuerySchema, responses: { "200": { description: "changes in id order", json: { name: "ChangesResponse", schema: changesResponseSchema } }, "400": BAD_INPUT } },
  { method: "get", path: "/api/v1/account/events", summary: "Your accounts' Health events.", access: "open", query: accountEventsQuerySchema, responses: { "200": { description: "events and the account source", json: { name: "AccountEventsResponse", schema: accountEventsResponseSchema } }, "400": BAD_INPUT } },
  { method: "get", path: "/api/v1/account/events/{id}", summary: "One account event with its updates.", access: "open", pathParams: eventId, responses: { "200": { description: "the event", json: { name: "AccountEventResponse", schema: accountEventResponseSchema } }, "400": BAD_INPUT, "404": error("no such event") } },
  {
    method: "get",
    path: "/api/v1/account/events/{id}/entities",
    summary: "An event's affected resources: JSON pages, `format=lean` columns, or `format=csv`.",
    access: "open",
    pathParams: eventId,
    query: entitiesQuerySchema,
    responses: {
      "200": { description: "a page of resources (format=json)", json: { name: "EntitiesResponse", schema: entitiesResponseSchema } },
      "200-lean": { description: "format=lean: the same page as columns", json: { name: "EntityColumnsResponse", schema: entityColumnsResponseSchema } },
      "200-csv": { description: "format=csv: every matching resource as CSV", mediaType: "text/csv" },
      "400": BAD_INPUT,
      "404": error("no such event"),
    },
  },
  {
    method: "get",
    path: "/api/v1/account/events/{id}/exposed-key",
    summary: "An exposed-key event (AWS_RISK_CREDENTIALS_EXPOSED): the key's state, the look-up and its grouped CloudTrail trail.",
    access: "open",
    pathParams: eventId,
    responses: { "200": { description: "the response view", json: { name: "ExposedKeyResponse", schema: exposedKeyResponseSchema } }, "400": BAD_INPUT, "401": UNAUTHORIZED, "404": error("no such exposed-key event") },
  },
  {
    method: "post",
    path: "/api/v1/account/events/{id}/exposed-key",
    summary: 'Starts a look-up (`{"action":"lookup","hours":24,"regions":[…]}`) or, for admins, deactivates the key (`{"action":"deactivate","confirm":"<last 4>"}`).',
    access: "open",
    pathParams: eventId,
    requestBody: { mediaType: "application/json", description: "the action (lib/shared/exposed-key-contract.ts)" },
    responses: {
      "200": { description: "a look-up already running or cached, or the deactivation's result", json: { name: "ExposedKeyActionAnswer", schema: z.union([z.object({ lookup: lookupSchema }), z.object({ action: actionRecordSchema })]) } },
      "202": { description: "a look-up started", json: { name: "ExposedKeyLookupStarted", schema: z.object({ lookup: lookupSchema }) } },
      "400": error("a body that is not an action, or the wrong last 4 characters"),
      "401": UNAUTHORIZED,
      "403": FORBIDDEN,
      "404": error("no such exposed-key event, or deactivation is off"),
      "413": error("body too large"),
      "502": { description: "IAM refused or failed the deactivation", json: { name: "ExposedKeyActionFailed", schema: z.object({ action: actionRecordSchema }) } },
    },
  },
  { method: "get", path: "/api/v1/notifications/deliveries", summary: "The notifications delivery log (admin).", access: "admin", query: deliveriesQuerySchema, responses: { "200": { description: "deliveries in id order", json: { name: "DeliveriesResponse", schema: deliveriesResponseSchema } }, "400": BAD_INPUT, "401": UNAUTHORIZED, "403": FORBIDDEN } },
  {
    method: "get",
    path: "/api/v1/notifications/deliveries/{id}",
    summary: "One delivery with its attempts and rendered payload (admin).",
    access: "admin",
    pathParams: { id: z.string().regex(/^\d+$/) },
    responses: { "200": { description: "the delivery", json: { name: "DeliveryDetail", schema: deliveryDetailSchema } }, "400": BAD_INPUT, "401": UNAUTHORIZED, "403": FORBIDDEN, "404": error("no such delivery") },
  },
  { method: "get", path: "/auth/sign-in", summary: "Starts the OpenID Connect sign-in (authorization code + PKCE).", access: "browser", query: z.object({ next: z.string().optional() }), responses: { "302": REDIRECT } },
  { method: "get", path: "/auth/callback", summary: "The identity provider's redirect back: sets the session cookie.", access: "browser", query: z.object({ code: z.string().optional(), state: z.string().optional() }), responses: { "302": REDIRECT, "400": error("the sign-in could not be completed"), "403": FORBIDDEN } },
  { method: "post", path: "/auth/sign-out", summary: "Ends the session (at the provider too, when it supports it).", access: "browser", responses: { "303": REDIRECT } },
  { method: "get", path: "/d/{token}", summary: "Opens a display link: sets the wall's cookie and redirects to its view.", access: "browser", pathParams: { token: z.string() }, responses: { "302": REDIRECT, "404": error("no such display link, or revoked") } },
  browserForm("/admin/displays/create", "Creates a display link bound to a /noc view (admin)."),
  browserForm("/admin/tokens/create", "Creates an API token, shown once (admin)."),
  browserForm("/admin/tokens/revoke", "Revokes a display link or API token (admin)."),
  browserForm("/notifications/test", "Sends a labelled test message to a channel; the answer is shown on /notifications (admin, one per channel per 5 s: 429)."),
  browserForm("/notifications/channel", "Disables a channel (no new deliveries) or enables it again (admin)."),
  {
    method: "post",
    path: "/api/v1/ingest/eventbridge",
    summary: "AWS Health events pushed by an EventBridge API destination.",
    access: "ingest-token",
    requestBody: { mediaType: "application/json", description: "one `aws.health` event or an array of them" },
    responses: { "200": { description: "what was stored", json: { name: "IngestSummary", schema: ingestSummarySchema } }, "400": error("not an aws.health event"), "401": error("no or wrong ingest token"), "413": error("body too large"), "415": error("not JSON"), "503": error("ingest disabled: HEALTHDECK_INGEST_TOKEN unset") },
  },
  { method: "get", path: "/api/v1/health", summary: "For load balancers: 200 while this process and its database work.", access: "open", responses: { "200": { description: "process health", json: { name: "ProcessHealth", schema: processHealthSchema } }, "503": error("unhealthy") } },
  {
    method: "get",
    path: "/api/v1/stream",
    summary: "Server-sent events of a scope: hello, snapshot, change, reload, heartbeat.",
    access: "open",
    query: { shape: { ...liveScopeQuerySchema.shape, snapshot: z.enum(SNAPSHOT_FORMATS).optional(), lastEventId: z.string().optional() } },
    responses: { "200": { description: "an event stream (data payloads per lib/shared/stream-contract.ts)", mediaType: "text/event-stream" }, "400": BAD_INPUT, "503": error("too many scopes open") },
  },
  { method: "get", path: "/api/v1/feed.rss", summary: "RSS 2.0 of public and account updates, one item per update (ETag, 304).", access: "feed-token", query: feedQuerySchema, responses: { "200": { description: "RSS 2.0", mediaType: "application/rss+xml" }, "304": NOT_MODIFIED, "400": BAD_INPUT, "401": UNAUTHORIZED } },
  { method: "get", path: "/api/v1/feed.atom", summary: "The same feed as Atom.", access: "feed-token", query: feedQuerySchema, responses: { "200": { description: "Atom 1.0", mediaType: "application/atom+xml" }, "304": NOT_MODIFIED, "400": BAD_INPUT, "401": UNAUTHORIZED } },
  { method: "get", path: "/api/v1/feed.json", summary: "The same feed as JSON Feed 1.1.", access: "feed-token", query: feedQuerySchema, responses: { "200": { description: "JSON Feed 1.1", json: { name: "JsonFeed", schema: jsonFeedSchema }, mediaType: "application/feed+json" }, "304": NOT_MODIFIED, "400": BAD_INPUT, "401": UNAUTHORIZED } },
  { method: "get", path: "/api/v1/calendar.ics", summary: "Scheduled changes and announced public maintenance as iCalendar (ETag, 304).", access: "feed-token", query: calendarQuerySchema, responses: { "200": { description: "RFC 5545 calendar", mediaType: "text/calendar" }, "304": NOT_MODIFIED, "400": BAD_INPUT, "401": UNAUTHORIZED } },
  { method: "get", path: "/api/v1/openapi.json", summary: "This document.", access: "open", responses: { "200": { description: "OpenAPI 3.1", mediaType: "application/json" } } },
  { method: "get", path: "/metrics", summary: "Prometheus metrics (docs/metrics.md).", access: "token", responses: { "200": { description: "Prometheus text format 0.0.4", mediaType: "text/plain" }, "401": UNAUTHORIZED } },
];
