import {
  anonymous,
  partnerViewer,
  Role,
  type TokenVerifier,
  unauthenticated,
  type Viewer,
} from "@venta/auth";
import type { Logger } from "@venta/kit";
import type { CallerLookup } from "./caller-lookup.js";
import type { Credentials } from "./credentials.js";

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Turns credentials into a viewer: a person from a verified bearer token whose account is not
 * deleted, a partner from a live API key, both when both are sent, anonymous when neither is.
 * Credentials that are sent but do not hold up are an error, never a silent downgrade to anonymous.
 * Marketplace is asked once per request about everything sent (`lookup`).
 */
export function callerIdentity(verifyToken: TokenVerifier, lookup: CallerLookup, log: Logger) {
  return async ({ authorization, apiKey }: Credentials): Promise<Viewer> => {
    let person: Viewer = anonymous;
    if (authorization !== undefined) {
      const token = BEARER.exec(authorization)?.[1];
      if (!token) throw unauthenticated("send the token as `Authorization: Bearer <token>`", 401);
      person = await verifyToken(token);
    }
    const userId = person.userId ?? undefined;
    if (userId === undefined && apiKey === undefined) return person;
    const answer = await lookup({ userId, key: apiKey }).catch((error: unknown) => {
      // A key cannot be trusted unchecked: 503. A token alone can: it is verified locally, and
      // location and communication refuse a deleted person themselves (their erasure tombstones),
      // so a marketplace outage need not stop vendors reporting positions or people chatting.
      if (apiKey !== undefined) throw error;
      log.warn({ userId }, "could not check the account with marketplace; admitting the verified token");
      return null;
    });
    if (answer?.account === "deleted") throw unauthenticated("this account has been deleted", 401);
    if (apiKey === undefined) return person;
    const partner = answer?.partner ?? null;
    if (!partner) throw unauthenticated("the API key is unknown or has been revoked", 401);
    // The key's PARTNER role joins the person's, so `@Authorized(Role.Partner)` admits a key either way.
    if (person.userId === null) return partnerViewer(partner);
    return { userId: person.userId, roles: [...person.roles, Role.Partner], partner };
  };
}

export type CallerIdentity = ReturnType<typeof callerIdentity>;

/**
 * Whether a person identified earlier (a subscription socket's, at `connection_init`) still has an
 * account: a socket outlives requests, so each new subscription asks again and a deletion ends the
 * socket. Like `callerIdentity`, a marketplace outage does not refuse a verified person.
 */
export function accountCheck(lookup: CallerLookup) {
  return async (viewer: Viewer): Promise<boolean> => {
    if (viewer.userId === null) return true;
    const answer = await lookup({ userId: viewer.userId }).catch(() => null);
    return answer?.account !== "deleted";
  };
}

export type AccountCheck = ReturnType<typeof accountCheck>;
