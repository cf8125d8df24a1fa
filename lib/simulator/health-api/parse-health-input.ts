import type { z } from "zod";
import { HealthApiError, serializationError } from "@/lib/simulator/health-api/health-api-errors";

/**
 * Parses an operation's input, turning constraint violations into AWS's validation error text:
 * `1 validation error detected: Value '11' at 'maxResults' failed to satisfy constraint: Member must have value
 * less than or equal to 100`. A JSON type mismatch is a SerializationException, as on AWS.
 */
export function parseHealthInput<T extends z.ZodType>(schema: T, input: unknown, validationName: string): z.infer<T> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const issues = result.error.issues;
  const typeMismatch = issues.find((issue) => issue.code === "invalid_type" && issue.input !== undefined);
  if (typeMismatch) throw serializationError(`Unexpected value type for '${formatPath(typeMismatch.path)}'`);
  const details = issues.map((issue) => `Value '${formatValue(issue.input)}' at '${formatPath(issue.path)}' failed to satisfy constraint: ${describeConstraint(issue)}`);
  const count = details.length === 1 ? "1 validation error detected" : `${details.length} validation errors detected`;
  throw new HealthApiError(validationName, `${count}: ${details.join("; ")}`);
}

function describeConstraint(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "too_big":
      return issue.origin === "number"
        ? `Member must have value less than or equal to ${String(issue.maximum)}`
        : `Member must have length less than or equal to ${String(issue.maximum)}`;
    case "too_small":
      return issue.origin === "number"
        ? `Member must have value greater than or equal to ${String(issue.minimum)}`
        : `Member must have length greater than or equal to ${String(issue.minimum)}`;
    case "invalid_value":
      return `Member must satisfy enum value set: [${issue.values.map(String).join(", ")}]`;
    case "invalid_format":
      return `Member must satisfy regular expression pattern: ${"pattern" in issue && typeof issue.pattern === "string" ? issue.pattern : issue.format}`;
    case "invalid_type":
      return "Member must not be null";
    default:
      return issue.message;
  }
}

/** AWS names list items `<list>.<n>.member` (1-based). */
function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((part) => (typeof part === "number" ? `${part + 1}.member` : String(part))).join(".") || "input";
}

function formatValue(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (Array.isArray(value)) return `[${value.map(formatValue).join(", ")}]`;
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
