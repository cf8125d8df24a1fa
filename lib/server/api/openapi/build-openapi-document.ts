import { z } from "zod";
import { API_ROUTES, type Access, type ApiResponse, type ApiRoute } from "@/lib/server/api/openapi/api-routes";

type JsonObject = Record<string, unknown>;

/** JSON Schema 2020-12 (OpenAPI 3.1's dialect) of a zod schema, without the `$schema` line each would repeat. */
export function toSchema(schema: z.core.$ZodType, io: "input" | "output"): JsonObject {
  const converted = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonObject;
  delete converted.$schema;
  return converted;
}

const SECURITY: Record<Access, JsonObject[] | undefined> = {
  open: undefined,
  token: [{ bearerToken: [] }],
  "feed-token": [{ bearerToken: [] }, { feedToken: [] }],
  "ingest-token": [{ ingestToken: [] }],
  admin: [{ bearerToken: [] }, { sessionCookie: [] }],
  browser: undefined,
};

function describeParameters(route: ApiRoute): JsonObject[] {
  const parameters: JsonObject[] = [];
  for (const [name, schema] of Object.entries(route.pathParams ?? {})) parameters.push({ name, in: "path", required: true, schema: toSchema(schema, "input") });
  for (const [name, schema] of Object.entries(route.query?.shape ?? {})) {
    if (name === "token") continue;
    parameters.push({ name, in: "query", required: !z.safeParse(schema, undefined).success, schema: toSchema(schema, "input") });
  }
  return parameters;
}

/** Several bodies under one status (`200`, `200-lean`) become alternatives of that status. */
function describeResponses(responses: Record<string, ApiResponse>, schemas: JsonObject): JsonObject {
  const byStatus: Record<string, { description: string[]; content: JsonObject; refs: JsonObject[] }> = {};
  for (const [key, response] of Object.entries(responses)) {
    const status = key.split("-")[0] ?? key;
    const entry = (byStatus[status] ??= { description: [], content: {}, refs: [] });
    entry.description.push(response.description);
    if (response.json) {
      schemas[response.json.name] = toSchema(response.json.schema, "output");
      const ref = { $ref: `#/components/schemas/${response.json.name}` };
      if (response.mediaType) entry.content[response.mediaType] = { schema: ref };
      else entry.refs.push(ref);
    } else if (response.mediaType) {
      entry.content[response.mediaType] = { schema: { type: "string" } };
    }
  }
  const described: JsonObject = {};
  for (const [status, entry] of Object.entries(byStatus)) {
    if (entry.refs.length > 0) entry.content["application/json"] = { schema: entry.refs.length === 1 ? entry.refs[0] : { oneOf: entry.refs } };
    described[status] = { description: entry.description.join("; "), ...(Object.keys(entry.content).length > 0 ? { content: entry.content } : {}) };
  }
  return described;
}

/** The OpenAPI 3.1 document of every route, generated from the zod schemas the handlers use. */
export function buildOpenApiDocument(version: string): JsonObject {
  const schemas: JsonObject = {};
  const paths: Record<string, JsonObject> = {};
  for (const route of API_ROUTES) {
    const security = SECURITY[route.access];
    (paths[route.path] ??= {})[route.method] = {
      operationId: `${route.method}${route.path.replace(/\{(\w+)\}/g, "By-$1").replace(/[^A-Za-z0-9]+(\w)?/g, (_match, next: string | undefined) => (next ?? "").toUpperCase())}`,
      summary: route.summary,
      ...(security ? { security } : {}),
      parameters: describeParameters(route),
      ...(route.requestBody ? { requestBody: { required: true, description: route.requestBody.description, content: { [route.requestBody.mediaType]: { schema: {} } } } } : {}),
      responses: describeResponses(route.responses, schemas),
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Healthdeck API", version, description: "Self-hosted dashboard of AWS health. Field names are public: added to, never renamed." },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "an API token (`hda_…`, created on /admin/tokens, with the scope the route needs), or for metrics and feeds HEALTHDECK_OUTPUTS_TOKEN; with HEALTHDECK_AUTH=none every local client may call without one" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "healthdeck-session", description: "a signed-in browser's session (HEALTHDECK_AUTH=oidc; `__Host-healthdeck-session` over https)" },
        feedToken: { type: "apiKey", in: "query", name: "token", description: "the same token in the URL, for calendar and feed readers" },
        ingestToken: { type: "http", scheme: "bearer", description: "HEALTHDECK_INGEST_TOKEN (or the X-Healthdeck-Token header)" },
      },
    },
  };
}
