import { createHash } from "node:crypto";
import type { NotificationChange, NotificationDigest } from "@/lib/server/outputs/notification-change";
import {
  digestHeadingOf,
  digestLineOf,
  KIND_LABEL,
  PLAIN_TEXT_LIMITS,
  readChangeParts,
  renderDigestPlainText,
  renderPlainText,
} from "@/lib/server/outputs/render-plain-text";
import { renderDigestSubjectLine, renderSubjectLine } from "@/lib/server/outputs/render-subject-line";
import { escapeHtml } from "@/lib/server/outputs/escape-html";
import { cutText } from "@/lib/server/outputs/slack/render-slack-message";

/** What is stored with the delivery and sent as is; From, To and Message-ID are added at send time. Never a secret. */
export interface EmailMessage {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

const COLOR: Record<NotificationChange["kind"], string> = { opened: "#b42318", updated: "#b54708", resolved: "#067647", reminder: "#175cd3" };

const hashId = (value: string) => `<${createHash("sha256").update(value).digest("hex")}@healthdeck>`;
/** The id every message of one event points at (In-Reply-To, References), so mail clients group them. */
export const threadRootId = (eventId: string) => hashId(eventId);
/** Each message's own id: the same on every retry of one delivery, so a receiver can drop a repeat. */
export const messageIdFor = (deliveryKey: string) => hashId(`delivery:${deliveryKey}`);

const page = (body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"></head><body style="font-family:-apple-system,Segoe UI,Roboto,sans-serif;color:#101828;line-height:1.5">${body}</body></html>`;
const heading = (text: string) => `<h2 style="font-size:15px;margin:16px 0 4px">${text}</h2>`;

/** One change as an e-mail: subject, HTML (every upstream string escaped) and plain text, threading headers. Pure. */
export function renderEmailMessage(change: NotificationChange): EmailMessage {
  const parts = readChangeParts(change);
  const html = page(
    [
      `<p style="margin:0;font-weight:600;color:${change.isSecurity ? COLOR.opened : COLOR[change.kind]}">${escapeHtml(parts.label)}</p>`,
      `<h1 style="font-size:18px;margin:4px 0 12px">${escapeHtml(parts.title)}</h1>`,
      `<table style="border-collapse:collapse">${parts.facts.map(([name, value]) => `<tr><th style="text-align:left;padding:2px 12px 2px 0;vertical-align:top">${name}</th><td>${escapeHtml(value)}</td></tr>`).join("")}</table>`,
      parts.resourceTotal > 0
        ? `${heading(`Affected resources (${parts.resourceTotal})`)}<ul>${parts.resources.map((resource) => `<li>${escapeHtml(resource)}</li>`).join("")}</ul>${parts.moreResources > 0 ? `<p>…and ${parts.moreResources} more</p>` : ""}`
        : "",
      parts.latest ? `${heading("Latest update")}<p style="white-space:pre-wrap;margin:0">${escapeHtml(parts.latest)}</p>` : "",
      change.link ? `<p style="margin:16px 0"><a href="${escapeHtml(change.link)}">Open in Healthdeck</a></p>` : "",
      `<p style="color:#667085;font-size:12px">${escapeHtml(parts.footer)}</p>`,
    ].join(""),
  );
  const root = threadRootId(change.eventId);
  return {
    subject: cutText(renderSubjectLine(change), 200),
    text: renderPlainText(change),
    html,
    headers: { "In-Reply-To": root, References: root, "Auto-Submitted": "auto-generated", "X-Healthdeck-Kind": change.kind },
  };
}

/** Many changes in one e-mail: each with its kind, title, region and link, then "…and N more". Pure. */
export function renderEmailDigest(digest: NotificationDigest): EmailMessage {
  const shown = digest.items.slice(0, PLAIN_TEXT_LIMITS.shownDigestItems);
  const more = digest.total - shown.length;
  const item = (change: NotificationChange) => (change.link ? `<a href="${escapeHtml(change.link)}">${escapeHtml(digestLineOf(change))}</a>` : escapeHtml(digestLineOf(change)));
  const html = page(
    [
      `<h1 style="font-size:18px;margin:0 0 8px">${digestHeadingOf(digest)}</h1>`,
      `<p>Many changes arrived at once, so they are listed in one message; normal messages resume after the storm.</p>`,
      `<ul>${shown.map((change) => `<li><strong>${KIND_LABEL[change.kind]}</strong>: ${item(change)}</li>`).join("")}</ul>`,
      more > 0 ? `<p>…and ${more} more</p>` : "",
      digest.link ? `<p><a href="${escapeHtml(digest.link)}">Open the notifications page</a></p>` : "",
    ].join(""),
  );
  return { subject: renderDigestSubjectLine(digest), text: renderDigestPlainText(digest), html, headers: { "Auto-Submitted": "auto-generated", "X-Healthdeck-Kind": "digest" } };
}
