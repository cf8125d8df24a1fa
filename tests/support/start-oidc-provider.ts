import { createServer, type Server } from "node:http";
import Provider from "oidc-provider";

export interface TestOidcProvider {
  /** the issuer, e.g. http://127.0.0.1:40123 (no trailing slash) */
  issuer: string;
  port: number;
  close(): Promise<void>;
}

export interface TestOidcProviderOptions {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  /** login name (any name signs in with any password, devInteractions) → its groups claim */
  groupsOf: (login: string) => string[];
  /** a fixed port (the e2e app must know the issuer before the provider starts), else an ephemeral one */
  port?: number;
}

/**
 * A real OpenID Connect provider (panva's oidc-provider) on loopback for tests: discovery, authorization code with
 * PKCE, signed ID tokens carrying `email` and `groups`, and RP-initiated logout. devInteractions gives its own login
 * page where any login name signs in; never use this configuration outside tests.
 */
export async function startOidcProvider(options: TestOidcProviderOptions): Promise<TestOidcProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the provider is not listening on TCP");
  const issuer = `http://127.0.0.1:${address.port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    scopes: ["openid", "email", "profile", "groups"],
    claims: { openid: ["sub"], email: ["email"], profile: ["name"], groups: ["groups"] },
    // The ID token carries every claim of the granted scopes (groups included), as Okta/Entra can be set up to do.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    cookies: { keys: ["healthdeck-test-provider-cookie-key"] },
    async findAccount(_context, sub) {
      return {
        accountId: sub,
        async claims() {
          return { sub, email: `${sub}@example.test`, name: sub, groups: options.groupsOf(sub) };
        },
      };
    },
    // Consent is part of the real flow; the dev page shows a Continue button for it.
    loadExistingGrant: undefined,
  });
  provider.proxy = false;
  server.on("request", provider.callback());
  return {
    issuer,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
