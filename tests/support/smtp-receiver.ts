import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerDataStream } from "smtp-server";

/** What the receiver answers to the n-th message (0-based) at the end of DATA; null accepts it. */
export type SmtpAnswer = { code: number; message: string } | null;

export interface SmtpReceiver {
  /** smtp://127.0.0.1:<port> */
  url: string;
  /** accepted messages, parsed by mailparser, in arrival order */
  received: ParsedMail[];
  /** every message that reached DATA, accepted or not */
  attempts: number;
  /** the envelope recipients of each accepted message */
  recipients: string[][];
  /** SMTP connections open right now (a pooled client keeps some open between messages) */
  openConnections: number;
  close(): Promise<void>;
}

/**
 * A real SMTP server (smtp-server) on loopback: plain SMTP without STARTTLS, optional AUTH PLAIN/LOGIN against one
 * user. Accepted messages are parsed with mailparser, as a mail client would read them.
 */
export async function listenSmtpReceiver(options: { answers?: (index: number) => SmtpAnswer; auth?: { user: string; pass: string } } = {}): Promise<SmtpReceiver> {
  const received: ParsedMail[] = [];
  const recipients: string[][] = [];
  let attempts = 0;
  let openConnections = 0;
  const server = new SMTPServer({
    logger: false,
    disabledCommands: options.auth ? ["STARTTLS"] : ["STARTTLS", "AUTH"],
    authOptional: !options.auth,
    allowInsecureAuth: true,
    size: 10 * 1024 * 1024,
    closeTimeout: 200,
    onConnect(_session, callback) {
      openConnections += 1;
      callback();
    },
    onClose() {
      openConnections -= 1;
    },
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass) return callback(null, { user: auth.username });
      callback(Object.assign(new Error("Authentication credentials invalid"), { responseCode: 535 }));
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const index = attempts++;
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const answer = options.answers?.(index) ?? null;
        if (answer) return callback(Object.assign(new Error(answer.message), { responseCode: answer.code }));
        simpleParser(Buffer.concat(chunks)).then(
          (mail) => {
            received.push(mail);
            recipients.push(session.envelope.rcptTo.map((recipient) => recipient.address));
            callback();
          },
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  if (address === null || typeof address === "string") throw new Error("SMTP server is not listening on a TCP port");
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    received,
    recipients,
    get attempts() {
      return attempts;
    },
    get openConnections() {
      return openConnections;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
