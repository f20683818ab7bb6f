import { type RouteHandler, sendJson } from "@venta/kit";
import { bodyField, type InternalRouteGuard, internalRoute } from "../internal-route.js";
import type { PartnerKeysService } from "../partners/partner-keys.service.js";
import { accountStatus } from "../users/account-status.js";
import type { UsersStore } from "../users/users.store.js";

export const CALLER_VERIFICATION_PATH = "/internal/callers/verify";

export interface CallerVerificationOptions extends InternalRouteGuard {
  users: UsersStore;
  partnerKeys: PartnerKeysService;
}

/**
 * `POST /internal/callers/verify` with `{ "userId"?: "…", "key"?: "vpk_…" }`: the router asks, once
 * per request, about everything the caller presented. 200 with
 * `{ account: "active" | "missing" | "deleted" | null, partner: { keyId, name, scopes } | null }`:
 * `account` is null when no userId was asked about; `partner` is null for an unknown, revoked or
 * malformed key (never saying which; an oversized one too, so the router refuses it as a bad key
 * rather than failing) or when no key was sent. 400 for a bad body. The caller must
 * send an identity header signed with the internal secret: a missing or forged one is a 401, before
 * the body is even read.
 */
export function callerVerificationRoute({
  users,
  partnerKeys,
  identity,
  log,
}: CallerVerificationOptions): RouteHandler {
  const route = { path: CALLER_VERIFICATION_PATH, identity, log, question: "a caller check" };
  return internalRoute(route, async (body, res) => {
    const question = callerQuestion(body);
    if (!question) {
      sendJson(res, 400, {
        error: 'the body must be JSON: { "userId"?: "…", "key"?: "…" }, with at least one',
      });
      return;
    }
    const [account, partner] = await Promise.all([
      question.userId === undefined ? null : accountStatus(users, question.userId),
      question.key === undefined ? null : partnerKeys.verify(question.key),
    ]);
    sendJson(res, 200, {
      account,
      partner: partner && { keyId: partner.keyId, name: partner.name, scopes: partner.scopes },
    });
  });
}

interface CallerQuestion {
  userId?: string;
  key?: string;
}

function callerQuestion(body: unknown): CallerQuestion | null {
  const question: CallerQuestion = {};
  for (const name of ["userId", "key"] as const) {
    const value = bodyField(body, name);
    if (value === undefined) continue;
    if (typeof value !== "string" || value.length === 0) return null;
    question[name] = value;
  }
  return question.userId === undefined && question.key === undefined ? null : question;
}
