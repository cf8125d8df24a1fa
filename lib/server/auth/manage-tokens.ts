import { randomUUID } from "node:crypto";
import { z } from "zod";
import { parseLiveScope } from "@/lib/shared/live-scope";
import { recordAudit, type AuthContext } from "@/lib/server/auth/auth-context";
import { generateTokenSecret, hashTokenSecret } from "@/lib/server/auth/token-secrets";
import type { AuthTokenKind, AuthTokenRecord } from "@/lib/server/store/contract/auth-contract";

export const API_TOKEN_SCOPES = ["read-status", "read-account", "ingest", "feeds", "metrics", "admin"] as const;
const DISPLAY_SCOPES = ["read-status", "read-account"];

const name = z.string().trim().min(1, "give the token a name").max(100, "a name is at most 100 characters");
const expiresInDays = z.coerce.number().int().min(0).max(3650).default(0);

/** A saved wall view: a /noc address of this site, its scope in the query (the screen is bound to it). */
const viewPath = z
  .string()
  .trim()
  .max(2000)
  .refine((path) => path === "/noc" || path.startsWith("/noc?"), "the view must be a /noc address such as /noc?account=111111111111&region=eu-west-1");

export const newDisplayTokenSchema = z.object({ name, viewPath, expiresInDays });
export const newApiTokenSchema = z.object({
  name,
  scopes: z.array(z.enum(API_TOKEN_SCOPES, { error: `scopes are ${API_TOKEN_SCOPES.join(", ")}` })).min(1, "choose at least one scope"),
  expiresInDays,
  accounts: z
    .string()
    .default("")
    .transform((raw) => raw.split(/[\s,]+/).filter((part) => part.length > 0))
    .pipe(z.array(z.string().regex(/^\d{12}$/, "accounts must be 12-digit AWS account ids")).max(50)),
});

export interface CreatedToken {
  record: AuthTokenRecord;
  /** shown once, to the admin who created it */
  secret: string;
}

type TokenContext = Pick<AuthContext, "store" | "logger" | "now">;

async function createToken(context: TokenContext, kind: AuthTokenKind, fields: Omit<AuthTokenRecord, "id" | "kind" | "secretHash" | "createdAt" | "revokedAt" | "lastUsedAt" | "lastUsedAddress">, address: string | null): Promise<CreatedToken> {
  const secret = generateTokenSecret(kind);
  const record: AuthTokenRecord = { ...fields, id: randomUUID(), kind, secretHash: hashTokenSecret(secret), createdAt: context.now(), revokedAt: null, lastUsedAt: null, lastUsedAddress: null };
  await context.store.write((tx) => tx.authTokens.create(record));
  await recordAudit(context, { at: record.createdAt, actor: fields.createdBy, action: "token-created", subject: record.id, detail: `${kind} "${record.name}" ${record.scopes.join(",")}`, address });
  return { record, secret };
}

const expiry = (context: TokenContext, days: number) => (days === 0 ? null : context.now() + days * 86_400_000);

export function createDisplayToken(context: TokenContext, input: z.output<typeof newDisplayTokenSchema>, createdBy: string, address: string | null): Promise<CreatedToken> {
  const scope = parseLiveScope(new URL(input.viewPath, "http://view.invalid").searchParams);
  const accounts = scope.ok && scope.value.accounts.length > 0 ? scope.value.accounts : null;
  return createToken(context, "display", { name: input.name, scopes: DISPLAY_SCOPES, viewPath: input.viewPath, accounts, createdBy, expiresAt: expiry(context, input.expiresInDays) }, address);
}

export function createApiToken(context: TokenContext, input: z.output<typeof newApiTokenSchema>, createdBy: string, address: string | null): Promise<CreatedToken> {
  return createToken(
    context,
    "api",
    { name: input.name, scopes: input.scopes, viewPath: null, accounts: input.accounts.length > 0 ? input.accounts : null, createdBy, expiresAt: expiry(context, input.expiresInDays) },
    address,
  );
}

export async function revokeToken(context: TokenContext, id: string, actor: string, address: string | null): Promise<boolean> {
  const revoked = await context.store.write((tx) => tx.authTokens.revoke(id, context.now()));
  if (revoked) await recordAudit(context, { at: context.now(), actor, action: "token-revoked", subject: id, detail: null, address });
  return revoked;
}
