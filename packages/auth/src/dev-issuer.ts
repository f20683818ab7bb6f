import { join } from "node:path";
import {
  type CryptoKey,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JSONWebKeySet,
  type JWK,
  type JWTVerifyGetKey,
  SignJWT,
} from "jose";
import { readOrCreateKeyFile } from "./key-file.js";
import type { Role } from "./roles.js";

/** The issuer and audience of development tokens, unless configured otherwise. */
export const DEV_ISSUER = "venta-dev";
export const DEV_AUDIENCE = "venta";

export interface DevTokenClaims {
  userId: string;
  roles: readonly Role[];
  /** Lifetime, such as "12h" or a number of seconds. */
  expiresIn?: string | number;
  issuer?: string;
  audience?: string;
  authorizedParty?: string;
}

interface StoredKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

/**
 * A local identity provider for development and tests: an ES256 key pair kept under `DATA_DIR`,
 * shared by the router (which verifies and serves the public half as a JWKS) and `npm run token`
 * (which signs). Production never uses it: tokens there come from the real provider.
 */
export class DevIssuer {
  private constructor(
    private readonly key: StoredKey,
    private readonly privateKey: CryptoKey,
  ) {}

  static async open(dataDir: string): Promise<DevIssuer> {
    // generateKeyPair is async while key-file creation is not: make a candidate first, and keep
    // whichever key reached the disk first.
    const candidate = await newKey();
    const key = JSON.parse(
      readOrCreateKeyFile(join(dataDir, "auth", "dev-issuer.json"), () => JSON.stringify(candidate)),
    ) as StoredKey;
    const privateKey = (await importJWK(key.privateJwk, "ES256")) as CryptoKey;
    return new DevIssuer(key, privateKey);
  }

  /** The public keys, as served at `/.well-known/jwks.json`. */
  jwks(): JSONWebKeySet {
    return { keys: [{ ...this.key.publicJwk, kid: this.key.kid, alg: "ES256", use: "sig" }] };
  }

  keySet(): JWTVerifyGetKey {
    return createLocalJWKSet(this.jwks());
  }

  sign(claims: DevTokenClaims): Promise<string> {
    const token = new SignJWT({
      roles: [...claims.roles],
      ...(claims.authorizedParty ? { azp: claims.authorizedParty } : {}),
    })
      .setProtectedHeader({ alg: "ES256", kid: this.key.kid, typ: "JWT" })
      .setSubject(claims.userId)
      .setIssuer(claims.issuer ?? DEV_ISSUER)
      .setAudience(claims.audience ?? DEV_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(claims.expiresIn ?? "12h");
    return token.sign(this.privateKey);
  }
}

async function newKey(): Promise<StoredKey> {
  const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
  return {
    kid: `dev-${Date.now().toString(36)}`,
    privateJwk: await exportJWK(privateKey),
    publicJwk: await exportJWK(publicKey),
  };
}
