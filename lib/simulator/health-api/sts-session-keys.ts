import { z } from "zod";

/**
 * Session credentials the fake STS issues carry what they stand for, so every listener (both of the failover
 * pair) maps them back without shared state: the access key id holds the account, the token the role.
 */
const sessionRoleSchema = z.object({ accountId: z.string(), roleArn: z.string(), sessionName: z.string() });
export type SessionRole = z.infer<typeof sessionRoleSchema>;

const SESSION_KEY = /^ASIA(\d{12})SIMS$/;

/** 20 characters like AWS's session key ids (`ASIA…`). */
export function sessionAccessKeyId(accountId: string): string {
  return `ASIA${accountId}SIMS`;
}

export function readSessionAccount(accessKeyId: string): string | null {
  return SESSION_KEY.exec(accessKeyId)?.[1] ?? null;
}

export function writeSessionToken(role: SessionRole): string {
  return Buffer.from(JSON.stringify(role), "utf8").toString("base64");
}

export function readSessionRole(token: string | undefined): SessionRole | null {
  if (!token) return null;
  try {
    const parsed = sessionRoleSchema.safeParse(JSON.parse(Buffer.from(token, "base64").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
