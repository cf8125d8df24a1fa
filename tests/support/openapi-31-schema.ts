import { z } from "zod";

/**
 * The shape of an OpenAPI 3.1 document (spec.openapis.org/oas/v3.1.0), as far as Healthdeck uses it, written from the
 * specification for tests (no validator package is installed). Strict where the spec is: unknown keys in an
 * operation or a parameter are errors unless they are `x-` extensions.
 */
const extensions = <S extends z.ZodRawShape>(shape: S) => z.looseObject(shape).superRefine((value, context) => {
  for (const key of Object.keys(value)) if (!(key in shape) && !key.startsWith("x-")) context.addIssue({ code: "custom", message: `unknown field ${key}` });
});

const schemaObject = z.record(z.string(), z.unknown());
const mediaType = extensions({ schema: schemaObject.optional(), example: z.unknown().optional() });
const response = extensions({ description: z.string().min(1), content: z.record(z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/), mediaType).optional(), headers: z.record(z.string(), z.unknown()).optional() });
const parameter = extensions({
  name: z.string().min(1),
  in: z.enum(["query", "header", "path", "cookie"]),
  description: z.string().optional(),
  required: z.boolean().optional(),
  schema: schemaObject.optional(),
}).refine((value) => value.in !== "path" || value.required === true, "path parameters must be required");
const operation = extensions({
  operationId: z.string().regex(/^[A-Za-z0-9_]+$/).optional(),
  summary: z.string().optional(),
  description: z.string().optional(),
  parameters: z.array(parameter).optional(),
  requestBody: extensions({ description: z.string().optional(), required: z.boolean().optional(), content: z.record(z.string(), mediaType) }).optional(),
  responses: z.record(z.string().regex(/^([1-5]\d\d|[1-5]XX|default)$/), response).refine((value) => Object.keys(value).length > 0, "at least one response"),
  security: z.array(z.record(z.string(), z.array(z.string()))).optional(),
  tags: z.array(z.string()).optional(),
});
const pathItem = extensions({ summary: z.string().optional(), get: operation.optional(), post: operation.optional(), put: operation.optional(), delete: operation.optional(), patch: operation.optional(), parameters: z.array(parameter).optional() });
const securityScheme = z.discriminatedUnion("type", [
  z.object({ type: z.literal("http"), scheme: z.string(), bearerFormat: z.string().optional(), description: z.string().optional() }),
  z.object({ type: z.literal("apiKey"), name: z.string(), in: z.enum(["query", "header", "cookie"]), description: z.string().optional() }),
]);

export const openApi31Schema = extensions({
  openapi: z.string().regex(/^3\.1\.\d+$/),
  info: extensions({ title: z.string().min(1), version: z.string().min(1), description: z.string().optional() }),
  jsonSchemaDialect: z.url().optional(),
  paths: z.record(z.string().regex(/^\//), pathItem),
  components: extensions({ schemas: z.record(z.string().regex(/^[A-Za-z0-9._-]+$/), schemaObject).optional(), securitySchemes: z.record(z.string(), securityScheme).optional() }).optional(),
});
export type OpenApi31 = z.infer<typeof openApi31Schema>;

/** Cross-references the shape cannot see: $refs resolve, path templates match path parameters, ids are unique. */
export function listOpenApiProblems(document: OpenApi31): string[] {
  const problems: string[] = [];
  const text = JSON.stringify(document);
  for (const [, ref] of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
    if (!ref || !document.components?.schemas?.[ref]) problems.push(`unresolved $ref ${ref ?? ""}`);
  }
  const operationIds = new Set<string>();
  for (const [path, item] of Object.entries(document.paths)) {
    const templated = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const method of ["get", "post", "put", "delete", "patch"] as const) {
      const op = item[method];
      if (!op) continue;
      const declared = (op.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name).sort();
      if (JSON.stringify(declared) !== JSON.stringify(templated)) problems.push(`${method} ${path}: path parameters ${declared.join(",")} ≠ template ${templated.join(",")}`);
      if (op.operationId) {
        if (operationIds.has(op.operationId)) problems.push(`duplicate operationId ${op.operationId}`);
        operationIds.add(op.operationId);
      }
      for (const requirement of op.security ?? []) {
        for (const name of Object.keys(requirement)) if (!document.components?.securitySchemes?.[name]) problems.push(`${path}: unknown security scheme ${name}`);
      }
    }
  }
  return problems;
}
