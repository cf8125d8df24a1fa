import { readFileSync } from "node:fs";
import { isMap, isNode, isScalar, LineCounter, parseDocument, visit, type Document } from "yaml";
import { ConfigError } from "@/lib/server/config/load-config";
import { notifyConfigSchema, type NotifyConfig } from "@/lib/server/outputs/config/notify-config-schema";

export class NotifyConfigError extends ConfigError {
  override name = "NotifyConfigError";
}

type Env = Record<string, string | undefined>;
const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Reads HEALTHDECK_NOTIFY_CONFIG (YAML, or JSON which YAML reads too); throws NotifyConfigError naming the path and line. */
export function loadNotifyConfig(filePath: string, env: Env): NotifyConfig {
  let text: string;
  try {
    text = readFileSync(filePath, "utf8");
  } catch (error) {
    throw new NotifyConfigError(`HEALTHDECK_NOTIFY_CONFIG: cannot read ${filePath}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseNotifyConfig(text, filePath, env);
}

/** The same from text; `${NAME}` in any string is replaced by the environment's NAME (values are never stored or logged). */
export function parseNotifyConfig(text: string, filePath: string, env: Env): NotifyConfig {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const fail = (offset: number | undefined, where: string, message: string): never => {
    const line = offset === undefined ? null : lines.linePos(offset).line;
    throw new NotifyConfigError(`HEALTHDECK_NOTIFY_CONFIG: ${filePath}${line === null ? "" : `:${line}`}: ${where ? `${where}: ` : ""}${message}`);
  };
  const syntax = document.errors[0];
  if (syntax) fail(syntax.pos[0], "", syntax.message.split("\n")[0] ?? "not valid YAML or JSON");

  visit(document, {
    Scalar(_key, node) {
      if (typeof node.value !== "string" || !node.value.includes("${")) return;
      node.value = node.value.replace(REFERENCE, (_match, name: string) => {
        const value = env[name];
        if (value === undefined || value === "") fail(node.range?.[0], "", `the environment variable ${name} is not set`);
        return value ?? "";
      });
    },
  });

  const parsed = notifyConfigSchema.safeParse(document.toJS() ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (!issue) return fail(undefined, "", "invalid");
  const path = issue.path.filter((part): part is string | number => typeof part !== "symbol");
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    return fail(locateKey(document, path, key) ?? locate(document, path), [...path, key].join("."), "is not a known field");
  }
  return fail(locate(document, path), path.join("."), issue.message);
}

/** Offset of the deepest node of `path` that exists (a missing field points at its parent). */
function locate(document: Document, path: readonly (string | number)[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return undefined;
}

function locateKey(document: Document, path: readonly (string | number)[], key: string): number | undefined {
  const parent = path.length === 0 ? document.contents : document.getIn(path, true);
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
  return isNode(pair?.key) ? pair.key.range?.[0] : undefined;
}
