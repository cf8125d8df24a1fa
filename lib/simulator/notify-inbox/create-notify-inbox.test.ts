import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createNotifyInbox } from "@/lib/simulator/notify-inbox/create-notify-inbox";

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

async function listenInbox() {
  const inbox = createNotifyInbox(() => Date.parse("2026-01-01T10:00:00.000Z"));
  const server = createServer((req, res) => void inbox.handle(req, res, new URL(req.url ?? "/", "http://inbox.invalid")));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { inbox, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const post = (url: string, body: string, headers: Record<string, string> = {}) => fetch(url, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });

describe("the demo inbox", () => {
  it("keeps what a fake Slack webhook and a webhook receive, flags a repeated webhook-id, and lists it as text", async () => {
    const { url } = await listenInbox();
    expect((await post(`${url}/__inbox/slack/services/T/B/x`, JSON.stringify({ text: "[Healthdeck] NEW: <b>EC2</b>", blocks: [] }))).status).toBe(200);
    for (let i = 0; i < 2; i += 1) expect((await post(`${url}/__inbox/webhook`, JSON.stringify({ type: "event.opened" }), { "webhook-id": "hook:e:opened" })).status).toBe(200);
    const { messages } = (await (await fetch(`${url}/__inbox/messages.json`)).json()) as { messages: { receiver: string; summary: string; isRepeat: boolean }[] };
    expect(messages.map((message) => [message.receiver, message.summary, message.isRepeat])).toEqual([
      ["slack", "[Healthdeck] NEW: <b>EC2</b>", false],
      ["webhook", "event.opened", false],
      ["webhook", "event.opened", true],
    ]);
    const page = await (await fetch(`${url}/__inbox`)).text();
    expect(page).toContain("SIMULATED.");
    expect(page).toContain("[Healthdeck] NEW: &lt;b&gt;EC2&lt;/b&gt;");
    expect(page).not.toContain("<b>EC2</b>");
    expect(page).toContain("repeat of an earlier webhook-id");
  });

  it("answers 400 to a body that is not JSON and 404 elsewhere, as a receiver would", async () => {
    const { url, inbox } = await listenInbox();
    expect((await post(`${url}/__inbox/webhook`, "not json")).status).toBe(400);
    expect((await post(`${url}/__inbox/gone`, "{}")).status).toBe(404);
    expect(inbox.messages()).toEqual([]);
  });
});
