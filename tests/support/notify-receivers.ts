import type { IncomingMessage, ServerResponse } from "node:http";
import { Webhook } from "standardwebhooks";
import { listenTestServer, type TestServer } from "@/tests/support/listen-test-server";

export interface Receipt {
  id: string;
  body: unknown;
  at: number;
}

/** What the receiver answers to the n-th request (0-based); default 200. `hang` never answers. */
export type Answer = { status: number; headers?: Record<string, string> } | "hang";

export interface Receiver extends TestServer {
  received: Receipt[];
  /** requests that failed the receiver's checks (bad signature, Slack limits), with the reason */
  rejected: string[];
  requests: number;
}

const readBody = (request: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });

async function listenReceiver(check: (request: IncomingMessage, body: string) => { id: string; body: unknown }, answers: (index: number) => Answer, delayMs = 0): Promise<Receiver> {
  const received: Receipt[] = [];
  const rejected: string[] = [];
  let requests = 0;
  const server = await listenTestServer((request: IncomingMessage, response: ServerResponse) => {
    const index = requests++;
    void readBody(request).then(async (text) => {
      const answer = answers(index);
      if (answer === "hang") return;
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (answer.status >= 200 && answer.status < 300) {
        try {
          received.push({ ...check(request, text), at: Date.now() });
        } catch (error) {
          rejected.push(error instanceof Error ? error.message : String(error));
          response.writeHead(400).end("rejected");
          return;
        }
      }
      response.writeHead(answer.status, answer.headers).end(answer.status < 300 ? "ok" : "nope");
    });
  });
  // A getter: Object.assign would copy the count once.
  return Object.defineProperties(Object.assign(server, { received, rejected }), { requests: { get: () => requests } }) as Receiver;
}

const ok = (): Answer => ({ status: 200 });

/** Standard Webhooks' tolerance between the sender's timestamp and the receiver's clock. */
const TOLERANCE_SECONDS = 5 * 60;

/**
 * A Standard Webhooks receiver that verifies every signature with the `standardwebhooks` library. With `clock` (a
 * test that walks the sender's clock days ahead), the timestamp is checked against that clock and the signature with
 * the library's own `sign`, since its `verify` reads the wall clock.
 */
export function listenWebhookReceiver(secret: string, options: { answers?: (index: number) => Answer; delayMs?: number; clock?: () => number } = {}): Promise<Receiver> {
  const verifier = new Webhook(secret);
  const verifyOnClock = (clock: () => number, text: string, headers: Record<"webhook-id" | "webhook-timestamp" | "webhook-signature", string>): unknown => {
    const timestamp = Number(headers["webhook-timestamp"]);
    if (!Number.isInteger(timestamp) || Math.abs(Math.floor(clock() / 1000) - timestamp) > TOLERANCE_SECONDS) throw new Error("Message timestamp outside the tolerance");
    const expected = verifier.sign(headers["webhook-id"], new Date(timestamp * 1000), text);
    if (!headers["webhook-signature"].split(" ").includes(expected)) throw new Error("No matching signature found");
    return JSON.parse(text);
  };
  return listenReceiver(
    (request, text) => {
      const headers = { "webhook-id": String(request.headers["webhook-id"]), "webhook-timestamp": String(request.headers["webhook-timestamp"]), "webhook-signature": String(request.headers["webhook-signature"]) };
      return { id: headers["webhook-id"], body: options.clock ? verifyOnClock(options.clock, text, headers) : verifier.verify(text, headers) };
    },
    options.answers ?? ok,
    options.delayMs,
  );
}

/** A Slack-like incoming webhook that refuses what Slack would (50 blocks, 3,000 per section, ~12,000 in all, a text fallback). */
export function listenSlackReceiver(options: { answers?: (index: number) => Answer } = {}): Promise<Receiver> {
  let count = 0;
  return listenReceiver((_request, text) => {
    const body = JSON.parse(text) as { text?: unknown; blocks?: { type: string; text?: { text: string }; fields?: { text: string }[] }[] };
    if (typeof body.text !== "string" || body.text.length === 0) throw new Error("no text fallback");
    const blocks = body.blocks ?? [];
    if (blocks.length > 50) throw new Error(`too many blocks: ${blocks.length}`);
    let total = body.text.length;
    for (const block of blocks) {
      if (block.type === "section" && block.text && block.text.text.length > 3000) throw new Error("section text over 3000");
      if (block.type === "header" && block.text && block.text.text.length > 150) throw new Error("header over 150");
      if ((block.fields?.length ?? 0) > 10) throw new Error("over 10 fields");
      total += (block.text?.text.length ?? 0) + (block.fields ?? []).reduce((sum, field) => sum + field.text.length, 0);
    }
    if (total > 12_000) throw new Error(`message too long: ${total}`);
    return { id: String(++count), body };
  }, options.answers ?? ok);
}

const TEAMS_ELEMENTS = new Set(["TextBlock", "FactSet", "RichTextBlock", "TextRun", "Container", "ColumnSet", "Column", "Image", "ActionSet"]);
const TEAMS_ACTIONS = new Set(["Action.OpenUrl", "Action.Submit", "Action.ShowCard", "Action.ToggleVisibility", "Action.Execute"]);

/** Every `type` in a card is one Teams renders (elements, inlines, actions); returns the first unknown one. */
function findUnknownCardType(value: unknown, path = "content"): string | null {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnknownCardType(item, `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  if (!value || typeof value !== "object") return null;
  for (const [key, inner] of Object.entries(value)) {
    if (key === "type" && path !== "content" && typeof inner === "string" && !TEAMS_ELEMENTS.has(inner) && !TEAMS_ACTIONS.has(inner)) return `${path}.type ${inner}`;
    const found = findUnknownCardType(inner, `${path}.${key}`);
    if (found) return found;
  }
  return null;
}

/**
 * A Teams Workflows webhook that refuses what would not render: not the `message` envelope with exactly one
 * Adaptive Card attachment, a MessageCard, a card version above 1.5, an element type Teams does not know, or a
 * body of 28 KB or more (UTF-8 bytes).
 */
export function listenTeamsReceiver(options: { answers?: (index: number) => Answer } = {}): Promise<Receiver> {
  let count = 0;
  return listenReceiver((request, text) => {
    if (!String(request.headers["content-type"]).startsWith("application/json")) throw new Error("not JSON");
    const bytes = Buffer.byteLength(text, "utf8");
    if (bytes >= 28 * 1024) throw new Error(`body of ${bytes} bytes is over 28 KB`);
    const body = JSON.parse(text) as { type?: unknown; "@type"?: unknown; attachments?: { contentType?: unknown; contentUrl?: unknown; content?: Record<string, unknown> }[] };
    if (body["@type"] === "MessageCard") throw new Error("a MessageCard: retired connectors' format");
    if (body.type !== "message") throw new Error(`envelope type ${String(body.type)}, not message`);
    if (!Array.isArray(body.attachments) || body.attachments.length !== 1) throw new Error("not exactly one attachment");
    const [attachment] = body.attachments;
    if (attachment?.contentType !== "application/vnd.microsoft.card.adaptive") throw new Error(`attachment of ${String(attachment?.contentType)}`);
    if (attachment.contentUrl !== null) throw new Error("contentUrl is not null");
    const card = attachment.content ?? {};
    if (card.type !== "AdaptiveCard") throw new Error(`content of type ${String(card.type)}`);
    if (card.$schema !== "http://adaptivecards.io/schemas/adaptive-card.json") throw new Error("no Adaptive Card $schema");
    const [major, minor] = String(card.version).split(".").map(Number);
    if (major !== 1 || minor === undefined || Number.isNaN(minor) || minor > 5) throw new Error(`card version ${String(card.version)} is above 1.5`);
    if (!Array.isArray(card.body) || card.body.length === 0) throw new Error("empty card body");
    const unknown = findUnknownCardType(card);
    if (unknown) throw new Error(`unknown element: ${unknown}`);
    return { id: String(++count), body };
  }, options.answers ?? ok);
}
