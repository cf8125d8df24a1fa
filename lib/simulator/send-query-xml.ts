import type { ServerResponse } from "node:http";

/** An AWS query-protocol answer (STS, SNS): text/xml with the request id header, once. */
export function sendQueryXml(res: ServerResponse, status: number, requestId: string, xml: string): void {
  if (res.headersSent || res.destroyed) return;
  const body = Buffer.from(xml, "utf8");
  res.writeHead(status, { "Content-Type": "text/xml", "x-amzn-RequestId": requestId, "Content-Length": body.length });
  res.end(body);
}

export const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
