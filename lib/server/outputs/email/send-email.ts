import type { NodemailerError } from "nodemailer";
import type { SendOutcome } from "@/lib/server/outputs/delivery/post-json";
import { messageIdFor, type EmailMessage } from "@/lib/server/outputs/email/render-email-message";
import { explainMissingSmtp, type SmtpSettings } from "@/lib/server/outputs/email/smtp-settings";
import { getSmtpTransport } from "@/lib/server/outputs/email/smtp-transport";

export interface SendEmailOptions {
  settings: SmtpSettings | null;
  to: readonly string[];
  deliveryKey: string;
  timeoutMs: number;
}

/**
 * An SMTP answer in the dispatcher's terms (decide-attempt-result): accepted → 200; a transient reply (4xx, 503)
 * → 503, retried; a permanent reply (5xx) or a refusal without one (bad credentials, no recipient) → 400, failed
 * for good; no answer (refused, reset, DNS, TLS, timeout) → no status, retried. The SMTP reply stays in the text.
 */
export function mapSmtpError(error: NodemailerError, timeoutMs: number): SendOutcome {
  const reply = error.response ? `SMTP ${error.response}` : error.responseCode ? `SMTP ${error.responseCode}` : null;
  const base = { ok: false, retryAfterMs: null, responseText: (error.response ?? "").slice(0, 1000) };
  if (reply !== null) {
    const isPermanent = error.permanent ?? (error.responseCode !== undefined && error.responseCode >= 500 && error.responseCode !== 503);
    return { ...base, status: isPermanent ? 400 : 503, error: `${reply.slice(0, 300)}${isPermanent ? " (permanent)" : " (temporary; retried)"}` };
  }
  if (error.code === "EAUTH" || error.code === "EENVELOPE" || error.code === "ECONFIG" || error.code === "EMESSAGE") return { ...base, status: 400, error: `SMTP ${error.code}: ${error.message.slice(0, 300)}` };
  if (error.code === "ETIMEDOUT") return { ...base, status: null, error: `timed out after ${timeoutMs} ms (${error.timeoutType ?? "SMTP"})` };
  return { ...base, status: null, error: `network error: ${error.code ?? ""} ${error.message}`.slice(0, 300) };
}

/** Sends through the process's pooled transport; never throws. The whole exchange is bounded (twice the timeout, queue included). */
export async function sendEmail(message: EmailMessage, options: SendEmailOptions): Promise<SendOutcome> {
  const missing = explainMissingSmtp(options.settings);
  if (missing || !options.settings?.from) return { ok: false, status: 400, retryAfterMs: null, error: missing ?? "no sender", responseText: "" };
  const transport = getSmtpTransport(options.settings, options.timeoutMs);
  const signal = AbortSignal.timeout(options.timeoutMs * 2);
  try {
    const sending = transport.sendMail({
      from: options.settings.from,
      to: [...options.to],
      subject: message.subject,
      text: message.text,
      html: message.html,
      headers: message.headers,
      messageId: messageIdFor(options.deliveryKey),
      signal,
    });
    const timedOut = new Promise<never>((_resolve, reject) =>
      signal.addEventListener("abort", () => reject(Object.assign(new Error("the SMTP exchange did not finish"), { code: "ETIMEDOUT" })), { once: true }),
    );
    const info = await Promise.race([sending, timedOut]);
    const rejected = (info.rejected ?? []).map(String);
    return { ok: true, status: 200, retryAfterMs: null, error: null, responseText: `${info.response}${rejected.length > 0 ? `; refused: ${rejected.join(", ")}` : ""}`.slice(0, 1000) };
  } catch (error) {
    return mapSmtpError(error as NodemailerError, options.timeoutMs);
  }
}
