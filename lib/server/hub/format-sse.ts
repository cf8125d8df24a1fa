const encoder = new TextEncoder();

/**
 * One server-sent event, encoded once so every subscriber can be handed the same bytes.
 * JSON never contains a raw newline, so `data` fits one line.
 */
export function encodeSseEvent(event: { name: string; data: unknown; id?: string; retryMs?: number }): Uint8Array {
  let text = "";
  if (event.retryMs !== undefined) text += `retry: ${Math.round(event.retryMs)}\n`;
  if (event.id !== undefined) text += `id: ${event.id}\n`;
  text += `event: ${event.name}\ndata: ${JSON.stringify(event.data)}\n\n`;
  return encoder.encode(text);
}
