import type { IncomingMessage, ServerResponse } from "node:http";
import { escapeHtml } from "@/lib/server/outputs/escape-html";

/** The demo's local receiver of notifications: a fake Slack incoming webhook and a webhook endpoint, nothing real. */
export const INBOX_PREFIX = "/__inbox";
const MAX_MESSAGES = 500;
const MAX_BODY_BYTES = 1024 * 1024;

export interface InboxMessage {
  /** 1, 2, … in arrival order */
  n: number;
  at: string;
  receiver: "slack" | "webhook";
  /** Slack: the plain `text` fallback; webhook: the body's `type` */
  summary: string;
  /** webhook: the `webhook-id` header (a redelivery repeats it) */
  webhookId: string | null;
  isRepeat: boolean;
  body: unknown;
}

export interface NotifyInbox {
  messages(): readonly InboxMessage[];
  /** Handles every request under /__inbox. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
}


async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function renderPage(messages: readonly InboxMessage[]): string {
  const rows = [...messages]
    .reverse()
    .map(
      (message) => `<li><p><strong>#${message.n}</strong> · ${escapeHtml(message.at)} · ${message.receiver === "slack" ? "fake Slack" : "webhook"}${message.isRepeat ? " · <strong>repeat of an earlier webhook-id</strong>" : ""}</p>
<p>${escapeHtml(message.summary)}</p><details><summary>Body</summary><pre>${escapeHtml(JSON.stringify(message.body, null, 2).slice(0, 20_000))}</pre></details></li>`,
    )
    .join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="5">
<title>Demo inbox (simulated)</title><style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;line-height:1.4}li{border-bottom:1px solid #ccc;padding:.5rem 0}pre{white-space:pre-wrap;word-break:break-all;background:#f3f3f3;padding:.5rem}.banner{background:#fef3c7;border:2px solid #b45309;padding:.5rem 1rem}</style></head>
<body><main><h1>Demo inbox</h1><p class="banner"><strong>SIMULATED.</strong> This is the demo's built-in local receiver, served by the AWS simulator: a fake Slack incoming webhook and a webhook endpoint. Nothing here reached Slack or anyone. It refreshes every 5 seconds; newest first; the last ${MAX_MESSAGES} are kept.</p>
<p>${messages.length} received. Healthdeck's side of each: <code>/notifications</code> in the app.</p><ol reversed>${rows || "<li>Nothing yet: messages arrive as the scenario opens, updates and resolves events.</li>"}</ol></main></body></html>`;
}

export function createNotifyInbox(now: () => number = Date.now): NotifyInbox {
  const messages: InboxMessage[] = [];
  const seenIds = new Set<string>();
  let count = 0;
  const answer = (res: ServerResponse, status: number, type: string, body: string) => {
    res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
    res.end(body);
  };
  return {
    messages: () => messages,
    async handle(req, res, url) {
      const rest = url.pathname.slice(INBOX_PREFIX.length);
      if (req.method === "GET" && (rest === "" || rest === "/")) return answer(res, 200, "text/html; charset=utf-8", renderPage(messages));
      if (req.method === "GET" && rest === "/messages.json") return answer(res, 200, "application/json", JSON.stringify({ messages }));
      const receiver = rest.startsWith("/slack/") ? "slack" : rest === "/webhook" ? "webhook" : null;
      if (req.method !== "POST" || receiver === null) return answer(res, 404, "text/plain; charset=utf-8", "POST /__inbox/slack/… or /__inbox/webhook; GET /__inbox");
      const text = await readBody(req);
      if (text === null) return answer(res, 413, "text/plain; charset=utf-8", "too large");
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return answer(res, 400, "text/plain; charset=utf-8", "invalid_payload");
      }
      const record = (body ?? {}) as { text?: unknown; type?: unknown };
      const webhookId = typeof req.headers["webhook-id"] === "string" ? req.headers["webhook-id"] : null;
      const isRepeat = webhookId !== null && seenIds.has(webhookId);
      if (webhookId !== null) seenIds.add(webhookId);
      const summary = receiver === "slack" ? (typeof record.text === "string" ? record.text : "(no text)") : typeof record.type === "string" ? record.type : "(no type)";
      messages.push({ n: ++count, at: new Date(now()).toISOString(), receiver, summary: summary.slice(0, 2000), webhookId, isRepeat, body });
      if (messages.length > MAX_MESSAGES) messages.shift();
      return answer(res, 200, "text/plain; charset=utf-8", "ok");
    },
  };
}
