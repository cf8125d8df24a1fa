import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { API_ROUTES } from "@/lib/server/api/openapi/api-routes";
import { toSchema } from "@/lib/server/api/openapi/build-openapi-document";
import { readSampleText } from "@/tests/fixtures/account-health/eventbridge-samples";
import { INGEST_TOKEN } from "@/tests/fixtures/account-health/ingest-test-kit";
import type { TestServer } from "@/tests/support/listen-test-server";
import { listenFetchHandler } from "@/tests/support/listen-fetch-handler";
import { listOpenApiProblems, openApi31Schema, type OpenApi31 } from "@/tests/support/openapi-31-schema";
import { startPublicStack, type PublicStack } from "@/tests/support/start-public-stack";
import { INCIDENT_SCENARIO } from "@/tests/integration/public-scenario";

const RUNTIME_KEY = Symbol.for("healthdeck.runtime");
const CONFIG_KEY = Symbol.for("healthdeck.config");
const APP_DIR = path.join(process.cwd(), "app");
let stack: PublicStack;
let server: TestServer;
let document: OpenApi31;

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;

/** app/api/v1/account/events/[id]/route.ts → /api/v1/account/events/{id} */
function listRouteFiles(dir = APP_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listRouteFiles(full);
    return entry.name === "route.ts" ? [`/${path.relative(APP_DIR, dir).split(path.sep).join("/").replace(/\[(\w+)\]/g, "{$1}")}`] : [];
  });
}

/** Serves every route file by its path template, as `next start` would. */
async function loadRoutes(): Promise<{ template: RegExp; names: string[]; module: Record<string, unknown> }[]> {
  return Promise.all(
    listRouteFiles().map(async (template) => ({
      template: new RegExp(`^${template.replace(/\./g, "\\.").replace(/\{(\w+)\}/g, "([^/]+)")}$`),
      names: [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ""),
      module: (await import(`@/app${template.replace(/\{(\w+)\}/g, "[$1]")}/route`)) as Record<string, unknown>,
    })),
  );
}

beforeAll(async () => {
  stack = await startPublicStack({ scenario: INCIDENT_SCENARIO, env: { HEALTHDECK_INGEST_TOKEN: INGEST_TOKEN } });
  const holder = globalThis as Record<symbol, unknown>;
  holder[RUNTIME_KEY] = stack.runtime;
  holder[CONFIG_KEY] = stack.runtime.config;
  const routes = await loadRoutes();
  server = await listenFetchHandler((request) => {
    const pathname = new URL(request.url).pathname;
    for (const route of routes) {
      const match = route.template.exec(pathname);
      const handler = route.module[request.method] as Handler | undefined;
      if (!match || !handler) continue;
      const params = Object.fromEntries(route.names.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? "")]));
      return handler(request, { params: Promise.resolve(params) });
    }
    return new Response("no route", { status: 404 });
  });
  stack.simulator.step();
  await stack.pollAll();
  document = openApi31Schema.parse(await (await fetch(`${server.url}/api/v1/openapi.json`)).json());
});

afterAll(async () => {
  const holder = globalThis as Record<symbol, unknown>;
  delete holder[RUNTIME_KEY];
  delete holder[CONFIG_KEY];
  await server?.close();
  await stack?.close();
});

describe("GET /api/v1/openapi.json", () => {
  it("is a structurally valid OpenAPI 3.1 document whose references resolve", async () => {
    const response = await fetch(`${server.url}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    document = openApi31Schema.parse(await response.json());
    expect(listOpenApiProblems(document)).toEqual([]);
  });

  it("describes every route file of the app, and no route that does not exist", () => {
    const files = listRouteFiles().sort();
    expect(Object.keys(document.paths).sort()).toEqual(files);
  });

  it("holds exactly the zod schemas the routes use", () => {
    for (const route of API_ROUTES) {
      for (const response of Object.values(route.responses)) {
        if (response.json) expect(document.components?.schemas?.[response.json.name], response.json.name).toEqual(toSchema(response.json.schema, "output"));
      }
    }
  });

  it("recorded responses of every route validate against the document (and the route's own zod schema)", async () => {
    const ingest = await fetch(`${server.url}/api/v1/ingest/eventbridge`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${INGEST_TOKEN}` }, body: readSampleText("lambdaPage1of10") });
    const ingested = (await ingest.clone().json()) as { results: { id: string }[] };
    const eventId = ingested.results[0]?.id ?? "";
    const calls: { method: string; path: string; status: number; init?: RequestInit }[] = [
      { method: "post", path: "/api/v1/ingest/eventbridge", status: 200 },
      { method: "get", path: "/api/v1/status?region=us-east-1", status: 200 },
      { method: "get", path: "/api/v1/status?region=NOT%20A%20REGION", status: 400 },
      { method: "get", path: "/api/v1/history", status: 200 },
      { method: "get", path: "/api/v1/changes?limit=5", status: 200 },
      { method: "get", path: "/api/v1/account/events", status: 200 },
      { method: "get", path: `/api/v1/account/events/${eventId}`, status: 200 },
      { method: "get", path: "/api/v1/account/events/AAAAAAAAAAAA", status: 404 },
      { method: "get", path: `/api/v1/account/events/${eventId}/entities`, status: 200 },
      { method: "get", path: `/api/v1/account/events/${eventId}/entities?format=lean`, status: 200 },
      { method: "get", path: `/api/v1/account/events/${eventId}/entities?format=csv`, status: 200 },
      { method: "get", path: "/api/v1/notifications/deliveries", status: 200 },
      { method: "get", path: "/api/v1/notifications/deliveries/999999", status: 404 },
      { method: "get", path: `/api/v1/account/events/${eventId}/exposed-key`, status: 404 },
      { method: "post", path: `/api/v1/account/events/${eventId}/exposed-key`, status: 400, init: { method: "POST", headers: { "content-type": "application/json" }, body: '{"action":"shout"}' } },
      { method: "get", path: "/api/v1/health", status: 200 },
      { method: "get", path: "/api/v1/stream", status: 200 },
      { method: "get", path: "/api/v1/feed.rss", status: 200 },
      { method: "get", path: "/api/v1/feed.atom", status: 200 },
      { method: "get", path: "/api/v1/feed.json", status: 200 },
      { method: "get", path: "/api/v1/calendar.ics", status: 200 },
      { method: "get", path: "/api/v1/openapi.json", status: 200 },
      { method: "get", path: "/metrics", status: 200 },
    ];
    const responses = new Map<string, Response>([["post /api/v1/ingest/eventbridge", ingest]]);
    for (const call of calls.slice(1)) {
      const abort = new AbortController();
      const response = await fetch(`${server.url}${call.path}`, { ...call.init, signal: abort.signal });
      responses.set(`${call.method} ${call.path}`, response);
      if (call.path === "/api/v1/stream") {
        // An endless stream: its headers are the recorded response.
        abort.abort();
      }
    }
    const covered = new Set<string>();
    for (const call of calls) {
      const response = responses.get(`${call.method} ${call.path}`);
      expect(response?.status, call.path).toBe(call.status);
      const template = Object.keys(document.paths).find((candidate) => new RegExp(`^${candidate.replace(/\./g, "\\.").replace(/\{\w+\}/g, "[^/]+")}$`).test(call.path.split("?")[0] ?? ""));
      expect(template, call.path).toBeDefined();
      covered.add(`${call.method} ${template}`);
      const operation = document.paths[template ?? ""]?.[call.method as "get" | "post"];
      const documented = operation?.responses[String(call.status)];
      expect(documented, `${call.path} ${call.status}`).toBeDefined();
      const mediaType = (response?.headers.get("content-type") ?? "").split(";")[0] ?? "";
      const content = documented?.content?.[mediaType];
      expect(content, `${call.path}: ${mediaType} documented`).toBeDefined();
      if (call.path === "/api/v1/stream" || !mediaType.endsWith("json")) continue;
      const body = (await response?.json()) as unknown;
      const ref = content?.schema?.$ref as string | undefined;
      const alternatives = ref ? [ref] : ((content?.schema?.oneOf ?? []) as { $ref: string }[]).map((entry) => entry.$ref);
      if (alternatives.length === 0) continue;
      // Validated by the JSON Schema the document holds, rebuilt as a validator by zod itself.
      const isValid = alternatives.some((candidate) => z.fromJSONSchema(document.components?.schemas?.[candidate.split("/").at(-1) ?? ""] as never).safeParse(body).success);
      expect(isValid, `${call.path} answers what the document says`).toBe(true);
      const routeSchema = API_ROUTES.find((route) => route.path === template)?.responses;
      const own = Object.entries(routeSchema ?? {}).filter(([status]) => status.split("-")[0] === String(call.status)).map(([, value]) => value.json?.schema).filter((schema) => schema !== undefined);
      expect(own.some((schema) => z.safeParse(schema, body).success), `${call.path} answers its own zod schema`).toBe(true);
    }
    // Sign-in, display links and the admin forms are browser flows (redirects, HTML forms), recorded by the auth e2e.
    const browserFlows = new Set(API_ROUTES.filter((route) => route.access === "browser" || route.requestBody?.mediaType === "application/x-www-form-urlencoded").map((route) => `${route.method} ${route.path}`));
    const everyOperation = Object.entries(document.paths)
      .flatMap(([template, item]) => (["get", "post"] as const).filter((method) => item[method]).map((method) => `${method} ${template}`))
      .filter((operation) => !browserFlows.has(operation));
    expect([...covered].sort()).toEqual(everyOperation.sort());
  });
});
