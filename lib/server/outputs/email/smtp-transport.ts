import { createHash } from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import { readSmtpEndpoint, type SmtpSettings } from "@/lib/server/outputs/email/smtp-settings";

const TRANSPORTS = Symbol.for("healthdeck.smtpTransports");
type Holder = { [TRANSPORTS]?: Map<string, Transporter> };

/** How the pool paces itself: at most this many messages in `rateDelta` ms, over at most 5 connections. */
export const SMTP_POOL = { maxConnections: 5, maxMessages: 100, rateDelta: 1000, rateLimit: 10 } as const;

const transports = () => ((globalThis as Holder)[TRANSPORTS] ??= new Map());

/**
 * One pooled SMTP transport per process and settings, kept on globalThis so hot reload and the route bundles do
 * not open pools of their own. Every wait is bounded by `timeoutMs`.
 */
export function getSmtpTransport(settings: SmtpSettings, timeoutMs: number): Transporter {
  const key = createHash("sha256").update(JSON.stringify([settings.url, settings.user, settings.password, timeoutMs])).digest("hex");
  const held = transports().get(key);
  if (held) return held;
  const endpoint = readSmtpEndpoint(settings);
  const transport = nodemailer.createTransport({
    pool: true,
    ...SMTP_POOL,
    host: endpoint.host,
    port: endpoint.port,
    secure: endpoint.secure,
    ...(endpoint.auth ? { auth: endpoint.auth } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    idleTimeout: 60_000,
    maxRequeues: 0,
  });
  transports().set(key, transport);
  return transport;
}

/** Closes every pooled connection (the runtime's close, and tests between SMTP servers). */
export function closeSmtpTransports(): void {
  for (const transport of transports().values()) transport.close();
  transports().clear();
}
