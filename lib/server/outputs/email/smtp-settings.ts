import type { HealthdeckConfig } from "@/lib/server/config/config-schema";

/** HEALTHDECK_SMTP_*: where e-mail channels send from. The password stays here, never in a stored message or a log. */
export interface SmtpSettings {
  url: string;
  user: string | null;
  password: string | null;
  from: string | null;
}

export function readSmtpSettings(config: HealthdeckConfig): SmtpSettings | null {
  if (!config.HEALTHDECK_SMTP_URL) return null;
  return {
    url: config.HEALTHDECK_SMTP_URL,
    user: config.HEALTHDECK_SMTP_USER ?? null,
    password: config.HEALTHDECK_SMTP_PASSWORD ?? null,
    from: config.HEALTHDECK_SMTP_FROM ?? null,
  };
}

/** Why an e-mail channel cannot send with these settings, or null when it can. */
export function explainMissingSmtp(settings: SmtpSettings | null): string | null {
  if (!settings) return "set HEALTHDECK_SMTP_URL (smtp://host:587 or smtps://user:password@host:465) to send e-mail";
  if (!settings.from) return "set HEALTHDECK_SMTP_FROM (Healthdeck <alerts@example.com>) to send e-mail";
  return null;
}

/** Host, port and credentials; HEALTHDECK_SMTP_USER and _PASSWORD win over the URL's. smtps:// is TLS from the start. */
export function readSmtpEndpoint(settings: SmtpSettings): { host: string; port: number; secure: boolean; auth: { user: string; pass: string } | null } {
  const url = new URL(settings.url);
  const secure = url.protocol === "smtps:";
  const user = settings.user ?? (url.username ? decodeURIComponent(url.username) : null);
  const pass = settings.password ?? (url.password ? decodeURIComponent(url.password) : null);
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: user ? { user, pass: pass ?? "" } : null,
  };
}
