import { renderEmailDigest, renderEmailMessage, type EmailMessage } from "@/lib/server/outputs/email/render-email-message";
import { sendEmail } from "@/lib/server/outputs/email/send-email";
import type { ChannelOutput } from "@/lib/server/outputs/output-channel";

/** E-mail over SMTP (HEALTHDECK_SMTP_*), one pooled transport per process; the pool paces the sending. */
export const emailOutput: ChannelOutput = {
  type: "email",
  minIntervalMs: 0,
  render: (change) => ({ body: renderEmailMessage(change) }),
  renderDigest: (digest) => ({ body: renderEmailDigest(digest) }),
  send(message, context) {
    // Stored by render above: the cast only restores the type the outbox's JSON column forgot.
    const email = message.body as EmailMessage;
    return sendEmail(email, { settings: context.smtp ?? null, to: context.channel.to ?? [], deliveryKey: context.deliveryKey, timeoutMs: context.timeoutMs });
  },
};
