import {
  anonymous,
  partnerViewer,
  Role,
  type TokenVerifier,
  unauthenticated,
  type Viewer,
} from "@venta/auth";
import type { Credentials } from "./credentials.js";
import type { PartnerKeyVerifier } from "./partner-keys.js";

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Turns credentials into a viewer: a person from a verified bearer token, a partner from a live
 * API key, both when both are sent, anonymous when neither is. Credentials that are sent but do
 * not hold up are an error, never a silent downgrade to anonymous.
 */
export function callerIdentity(verifyToken: TokenVerifier, verifyPartnerKey: PartnerKeyVerifier) {
  return async ({ authorization, apiKey }: Credentials): Promise<Viewer> => {
    let person: Viewer = anonymous;
    if (authorization !== undefined) {
      const token = BEARER.exec(authorization)?.[1];
      if (!token) throw unauthenticated("send the token as `Authorization: Bearer <token>`", 401);
      person = await verifyToken(token);
    }
    if (apiKey === undefined) return person;
    const partner = await verifyPartnerKey(apiKey);
    if (!partner) throw unauthenticated("the API key is unknown or has been revoked", 401);
    // The key's PARTNER role joins the person's, so `@Authorized(Role.Partner)` admits a key either way.
    if (person.userId === null) return partnerViewer(partner);
    return { userId: person.userId, roles: [...person.roles, Role.Partner], partner };
  };
}

export type CallerIdentity = ReturnType<typeof callerIdentity>;
