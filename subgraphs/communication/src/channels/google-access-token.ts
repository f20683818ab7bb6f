import type { KeyObject } from "node:crypto";
import { PROVIDER_TIMEOUT_MS } from "./channel.js";
import { signJwt } from "./jwt.js";

/** The OAuth2 scope that may send Firebase Cloud Messaging messages. */
export const FCM_SCOPE = "https://www.googleapis.com/auth/firebase.messaging";

export interface ServiceAccount {
  clientEmail: string;
  privateKey: KeyObject;
  privateKeyId: string | null;
  /** Where the signed assertion is exchanged for an access token (`token_uri` in the key file). */
  tokenUrl: string;
}

/** Renew a minute early, so a token never expires between being read and being used. */
const EARLY_RENEWAL_MS = 60_000;

/**
 * Google's two-legged OAuth for a service account: a JWT signed with the account's key is exchanged
 * at the token URL for a bearer token, which is reused until shortly before it expires. Concurrent
 * callers share one exchange.
 */
export class GoogleAccessToken {
  private cached: { token: string; expiresAt: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly account: ServiceAccount,
    private readonly scope: string,
    private readonly now: () => number = Date.now,
  ) {}

  get(): Promise<string> {
    if (this.cached && this.cached.expiresAt - EARLY_RENEWAL_MS > this.now()) {
      return Promise.resolve(this.cached.token);
    }
    this.pending ??= this.exchange().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** Forgets the token, after the API refused it (revoked, rotated key). */
  invalidate(): void {
    this.cached = undefined;
  }

  private async exchange(): Promise<string> {
    const issuedAt = Math.floor(this.now() / 1000);
    const assertion = signJwt(
      { alg: "RS256", ...(this.account.privateKeyId ? { kid: this.account.privateKeyId } : {}) },
      {
        iss: this.account.clientEmail,
        scope: this.scope,
        aud: this.account.tokenUrl,
        iat: issuedAt,
        exp: issuedAt + 3600,
      },
      this.account.privateKey,
    );
    const response = await fetch(this.account.tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: new URLSearchParams({ grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion }),
      signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`token exchange answered ${response.status}: ${text.slice(0, 200)}`);
    const body = JSON.parse(text) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== "string")
      throw new Error("token exchange answered without access_token");
    const lifetimeSeconds = typeof body.expires_in === "number" ? body.expires_in : 3600;
    this.cached = { token: body.access_token, expiresAt: this.now() + lifetimeSeconds * 1000 };
    return body.access_token;
  }
}
