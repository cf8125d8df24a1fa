/** One open stream as the hub sees it: the route handler adapts its ReadableStream to this. */
export interface StreamSink {
  /** Queues bytes (shared between subscribers, never mutated); false when the client is too far behind. */
  write(chunk: Uint8Array): boolean;
  /** Ends the stream after what is queued (server shutdown). */
  close(): void;
  /** Ends the stream at once, discarding what is queued (a client that fell behind). */
  drop(): void;
}
