import * as oidc from "openid-client";
import type { HealthdeckConfig } from "@/lib/server/config/config-schema";

/**
 * The organisation's OpenID Connect provider, through openid-client: discovery (whose issuer must equal the
 * configured one), authorization code + PKCE S256 with state and nonce, and RP-initiated logout.
 */
export interface OidcLogin {
  authorizationUrl: URL;
  /** sealed into a short-lived cookie until the provider sends the browser back */
  pending: PendingLogin;
}

export interface PendingLogin {
  verifier: string;
  state: string;
  nonce: string;
  returnTo: string;
}

const TIMEOUT_SECONDS = 10;
const CONFIG_KEY = Symbol.for("healthdeck.oidc-configuration");
type ConfigHolder = { [CONFIG_KEY]?: { issuer: string; promise: Promise<oidc.Configuration> } };

type OidcSettings = Pick<HealthdeckConfig, "HEALTHDECK_OIDC_ISSUER" | "HEALTHDECK_OIDC_CLIENT_ID" | "HEALTHDECK_OIDC_CLIENT_SECRET" | "HEALTHDECK_OIDC_SCOPES" | "HEALTHDECK_PUBLIC_URL">;

/** Discovered once per process; a failed discovery is forgotten so the next sign-in tries again. */
export function getOidcConfiguration(config: OidcSettings): Promise<oidc.Configuration> {
  const issuer = config.HEALTHDECK_OIDC_ISSUER;
  const clientId = config.HEALTHDECK_OIDC_CLIENT_ID;
  if (!issuer || !clientId) return Promise.reject(new Error("HEALTHDECK_OIDC_ISSUER and HEALTHDECK_OIDC_CLIENT_ID are required"));
  const holder = globalThis as ConfigHolder;
  const cached = holder[CONFIG_KEY];
  if (cached && cached.issuer === issuer) return cached.promise;
  const isPlainHttp = issuer.startsWith("http://");
  const promise = oidc.discovery(new URL(issuer), clientId, config.HEALTHDECK_OIDC_CLIENT_SECRET, undefined, {
    timeout: TIMEOUT_SECONDS,
    // Plain http only for an issuer configured so (a provider on loopback in tests); https is the default.
    execute: isPlainHttp ? [oidc.allowInsecureRequests] : [],
  });
  holder[CONFIG_KEY] = { issuer, promise };
  promise.catch(() => {
    if (holder[CONFIG_KEY]?.promise === promise) delete holder[CONFIG_KEY];
  });
  return promise;
}

export function callbackUrl(config: Pick<HealthdeckConfig, "HEALTHDECK_PUBLIC_URL">): string {
  return `${config.HEALTHDECK_PUBLIC_URL ?? ""}/auth/callback`;
}

export async function startOidcLogin(config: OidcSettings, returnTo: string): Promise<OidcLogin> {
  const configuration = await getOidcConfiguration(config);
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const authorizationUrl = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: callbackUrl(config),
    scope: config.HEALTHDECK_OIDC_SCOPES,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { authorizationUrl, pending: { verifier, state, nonce, returnTo } };
}

/** The ID token's claims after the code exchange; throws when state, nonce, PKCE, issuer or signature do not check out. */
export async function finishOidcLogin(config: OidcSettings, callbackSearch: string, pending: PendingLogin): Promise<Record<string, unknown>> {
  const configuration = await getOidcConfiguration(config);
  const current = new URL(`${callbackUrl(config)}${callbackSearch}`);
  const tokens = await oidc.authorizationCodeGrant(configuration, current, {
    pkceCodeVerifier: pending.verifier,
    expectedState: pending.state,
    expectedNonce: pending.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error("the provider sent no ID token");
  return { ...claims };
}

/** Where to send the browser to end the provider's session too; null when the provider has no end_session_endpoint. */
export async function buildLogoutUrl(config: OidcSettings): Promise<URL | null> {
  const configuration = await getOidcConfiguration(config);
  if (!configuration.serverMetadata().end_session_endpoint) return null;
  return oidc.buildEndSessionUrl(configuration, {
    client_id: config.HEALTHDECK_OIDC_CLIENT_ID ?? "",
    post_logout_redirect_uri: `${config.HEALTHDECK_PUBLIC_URL ?? ""}/auth/signed-out`,
  });
}
