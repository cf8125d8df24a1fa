import { afterEach, describe, expect, it } from "vitest";
import type { ChannelConfig } from "@/lib/server/outputs/config/notify-config-schema";
import { decideAttemptResult } from "@/lib/server/outputs/delivery/decide-attempt-result";
import { emailOutput } from "@/lib/server/outputs/email/email-output";
import { messageIdFor, threadRootId } from "@/lib/server/outputs/email/render-email-message";
import type { SmtpSettings } from "@/lib/server/outputs/email/smtp-settings";
import { closeSmtpTransports } from "@/lib/server/outputs/email/smtp-transport";
import { buildSampleChange } from "@/lib/server/outputs/sample-change";
import type { Delivery } from "@/lib/server/store/contract/outbox-contract";
import { listenSmtpReceiver, type SmtpAnswer, type SmtpReceiver } from "@/tests/support/smtp-receiver";

const open: SmtpReceiver[] = [];
afterEach(async () => {
  closeSmtpTransports();
  for (const receiver of open.splice(0)) await receiver.close();
});
const listen = async (options: Parameters<typeof listenSmtpReceiver>[0] = {}) => {
  const receiver = await listenSmtpReceiver(options);
  open.push(receiver);
  return receiver;
};

const channel = { id: "mail", type: "email", to: ["ops@example.com", "oncall@example.com"], security: false } as ChannelConfig;
const settings = (url: string, extra: Partial<SmtpSettings> = {}): SmtpSettings => ({ url, user: null, password: null, from: "Healthdeck <alerts@example.com>", ...extra });
const send = (smtp: SmtpSettings, deliveryKey = "mail:healthdeck-test-message:opened", timeoutMs = 5_000) =>
  emailOutput.send(emailOutput.render(buildSampleChange({ link: "https://health.example.com/events/x" }), { publicUrl: null }), { channel, deliveryKey, now: Date.now(), timeoutMs, maxResponseBytes: 65_536, smtp });
const decide = (outcome: Awaited<ReturnType<typeof send>>) =>
  decideAttemptResult({ attempts: 0, deadlineAt: Date.now() + 3_600_000 } as Delivery, outcome, Date.now(), { baseMs: 10, capMs: 100, random: () => 0.5 });

describe("the e-mail channel against a real SMTP server", () => {
  it("sends both parts with its own Message-ID and the event's thread headers to every recipient", async () => {
    const receiver = await listen();
    const outcome = await send(settings(receiver.url));
    expect(outcome).toMatchObject({ ok: true, status: 200, error: null });
    expect(outcome.responseText).toMatch(/^250 /);
    const [mail] = receiver.received;
    expect(mail?.from?.text).toBe('"Healthdeck" <alerts@example.com>');
    expect(receiver.recipients[0]).toEqual(["ops@example.com", "oncall@example.com"]);
    expect(mail?.subject).toBe("[Healthdeck] NEW: EC2 operational issue in us-east-1");
    expect(mail?.text).toContain("New: TEST MESSAGE from Healthdeck");
    expect(mail?.html).toContain('<a href="https://health.example.com/events/x">Open in Healthdeck</a>');
    expect(mail?.messageId).toBe(messageIdFor("mail:healthdeck-test-message:opened"));
    expect(mail?.inReplyTo).toBe(threadRootId("healthdeck-test-message"));
    expect(mail?.references).toBe(threadRootId("healthdeck-test-message"));
    expect(mail?.headers.get("auto-submitted")).toBe("auto-generated");
  });

  it("logs in with the URL's credentials, or HEALTHDECK_SMTP_USER/_PASSWORD, which win; wrong ones fail for good", async () => {
    const receiver = await listen({ auth: { user: "healthdeck", pass: "p@ss word" } });
    const port = new URL(receiver.url).port;
    expect((await send(settings(`smtp://healthdeck:${encodeURIComponent("p@ss word")}@127.0.0.1:${port}`))).ok).toBe(true);
    expect((await send(settings(`smtp://nobody:wrong@127.0.0.1:${port}`, { user: "healthdeck", password: "p@ss word" }))).ok).toBe(true);
    const refused = await send(settings(`smtp://healthdeck:wrong@127.0.0.1:${port}`));
    expect(refused).toMatchObject({ ok: false, status: 400 });
    expect(refused.error).toMatch(/535/);
    expect(decide(refused).status).toBe("failed");
    expect(JSON.stringify(refused)).not.toContain("p@ss word");
  });

  it("a 421 or 451 is temporary (retried with the same Message-ID), a 550 permanent (failed)", async () => {
    const script: SmtpAnswer[] = [{ code: 451, message: "4.3.0 Try again later" }, { code: 421, message: "4.7.0 Too busy" }, null, { code: 550, message: "5.7.1 Rejected" }];
    const receiver = await listen({ answers: (index) => script[index] ?? null });
    const first = await send(settings(receiver.url), "mail:e:opened");
    expect(first).toMatchObject({ ok: false, status: 503 });
    expect(first.error).toContain("451 4.3.0 Try again later");
    expect(decide(first).status).toBe("queued");
    const second = await send(settings(receiver.url), "mail:e:opened");
    expect(second.error).toContain("421");
    expect(decide(second).status).toBe("queued");
    expect((await send(settings(receiver.url), "mail:e:opened")).ok).toBe(true);
    expect(receiver.received.map((mail) => mail.messageId)).toEqual([messageIdFor("mail:e:opened")]);
    const rejected = await send(settings(receiver.url), "mail:e:updated:2");
    expect(rejected).toMatchObject({ ok: false, status: 400 });
    expect(rejected.error).toContain("550 5.7.1 Rejected (permanent)");
    expect(decide(rejected)).toMatchObject({ status: "failed", isChannelBroken: false });
  });

  it("no server is no answer (retried), and sending without settings says what to set", async () => {
    const gone = await listenSmtpReceiver();
    await gone.close();
    const outcome = await send(settings(gone.url), "mail:x:opened", 1_000);
    expect(outcome).toMatchObject({ ok: false, status: null });
    expect(outcome.error).toMatch(/network error|timed out/);
    expect(decide(outcome).status).toBe("queued");
    const unset = await emailOutput.send({ body: {} }, { channel, deliveryKey: "k", now: 0, timeoutMs: 1000, maxResponseBytes: 1, smtp: null });
    expect(unset.error).toContain("HEALTHDECK_SMTP_URL");
  });
});
