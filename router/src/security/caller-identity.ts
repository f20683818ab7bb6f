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
 * Whether a person's account was deleted: from the shared deletion records (Redis) where there are
 * some, else by asking marketplace. Rejects when neither can answer.
 */
export type DeletionCheck = (userId: string) => Promise<boolean>;

/** Asks marketplace (`lookup`), for routers without shared deletion records. */
export const deletionFromMarketplace =
  (lookup: CallerLookup): DeletionCheck =>
  async (userId) =>
    (await lookup({ userId })).account === "deleted";

/**
 * Turns credentials into a viewer: a person from a verified bearer token whose account is not
 * deleted, a partner from a live API key, both when both are sent, anonymous when neither is.
 * Credentials that are sent but do not hold up are an error, never a silent downgrade to anonymous.
 * A key is checked with marketplace, once per request, together with the person sent beside it
 * (`lookup`); a token alone only against the deletion records (`isDeleted`).
 */
export function callerIdentity(
  verifyToken: TokenVerifier,
  lookup: CallerLookup,
  isDeleted: DeletionCheck,
  log: Logger,
) {
  const stillAccount = accountCheck(isDeleted, log);
  return async ({ authorization, apiKey }: Credentials): Promise<Viewer> => {
    let person: Viewer = anonymous;
    if (authorization !== undefined) {
      const token = BEARER.exec(authorization)?.[1];
      if (!token) throw unauthenticated("send the token as `Authorization: Bearer <token>`", 401);
      person = await verifyToken(token);
    }
    if (apiKey === undefined) {
      if (!(await stillAccount(person))) throw unauthenticated("this account has been deleted", 401);
      return person;
    }
    // A key cannot be trusted unchecked: marketplace unavailable is a 503 (the lookup throws it).
    const answer = await lookup({ userId: person.userId ?? undefined, key: apiKey });
    if (answer.account === "deleted") throw unauthenticated("this account has been deleted", 401);
    const partner = answer.partner;
    if (!partner) throw unauthenticated("the API key is unknown or has been revoked", 401);
    // The key's PARTNER role joins the person's, so `@Authorized(Role.Partner)` admits a key either way.
    if (person.userId === null) return partnerViewer(partner);
    return { userId: person.userId, roles: [...person.roles, Role.Partner], partner };
  };
}

export type CallerIdentity = ReturnType<typeof callerIdentity>;

/**
 * Whether a person still has an account: on every signed-in request, and on each new subscription
 * of a socket identified earlier (a socket outlives requests; a deletion ends it). When the deletion
 * records cannot be read the verified person is admitted, as the rate limiter admits when its store
 * is down: location and communication refuse a deleted person themselves (their erasure records),
 * and marketplace holds the account, so an outage here need not stop vendors or chats.
 */
export function accountCheck(isDeleted: DeletionCheck, log: Logger) {
  return async (viewer: Viewer): Promise<boolean> => {
    if (viewer.userId === null) return true;
    const deleted = await isDeleted(viewer.userId).catch((error: unknown) => {
      log.warn(
        { err: (error as Error).message },
        "could not check the account; admitting the verified token",
      );
      return false;
    });
    return !deleted;
  };
}

export type AccountCheck = ReturnType<typeof accountCheck>;
