export type LogLevel = "debug" | "info" | "warn" | "error";

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const LEVEL_RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

// A second line of defence behind callers that mask what they log: AWS error messages quote role ARNs and access key
// ids ("User: arn:aws:sts::123456789012:assumed-role/…"), and they reach the log as they are.
const ACCOUNT_ID = /(?<![0-9])[0-9]{12}(?![0-9])/g;
const ACCESS_KEY_ID = /\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,}\b/g;
// A database URL's password (HEALTHDECK_DATABASE_URL) may surface in a driver's error message.
const URL_PASSWORD = /\b(postgres(?:ql)?:\/\/[^:/@\s"]*):[^@\s"]*@/g;

/** The line with every 12-digit account id cut to its last four digits, every AWS key id and database password hidden. */
export function redactLogLine(line: string): string {
  return line
    .replace(ACCOUNT_ID, (id) => `…${id.slice(-4)}`)
    .replace(ACCESS_KEY_ID, (key) => `${key.slice(0, 4)}…`)
    .replace(URL_PASSWORD, (_, user: string) => `${user}:…@`);
}

/** One JSON line per entry on stderr, redacted. Callers never pass credentials or account data here. */
export function createLogger(options: { level?: LogLevel; write?: (line: string) => void } = {}): Logger {
  const minimum = LEVEL_RANK[options.level ?? "info"];
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const log = (level: LogLevel) => (message: string, fields: Record<string, unknown> = {}) => {
    if (LEVEL_RANK[level] < minimum) return;
    write(redactLogLine(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })));
  };
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
