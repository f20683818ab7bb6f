import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { anonymous, PartnerScope, unauthenticated, type Viewer } from "@venta/auth";
import { sendJson } from "@venta/kit";
import type { GraphQLFormattedError } from "graphql";
import { type DocumentNode, GraphQLError } from "graphql";
import type { RouterContext } from "../gateway.js";
import { rateLimitedError, rateLimitHeaders } from "../limits/rate-limit-headers.js";
import { clientAddress, httpCredentials } from "./credentials.js";
import { refusal, untrustedRefusal } from "./operation-policy.js";
import type { RouterSecurity } from "./router-security.js";
import { errorsFor } from "./schema-suggestions.js";
import { sha256Hex } from "./trusted-documents.js";

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * Who is calling over HTTP and whether their budget allows it. Answers the request itself (401,
 * 429, 503) and returns null when not; otherwise the context the operation runs with.
 */
export function httpAdmission(security: RouterSecurity, formatError: FormatError) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<RouterContext | null> => {
    const address = clientAddress(req, security.trustedProxyHops);
    const count = async (viewer: Viewer) => {
      const decision = await security.rateLimits.hit(viewer, address);
      if (decision)
        for (const [name, value] of Object.entries(rateLimitHeaders(decision))) res.setHeader(name, value);
      if (decision && !decision.allowed) throw rateLimitedError(decision);
    };
    try {
      // Failed sign-ins draw on the address's budget too, so tokens and keys cannot be guessed at speed.
      const viewer = await security.identify(httpCredentials(req)).catch(async (error: unknown) => {
        await count(anonymous);
        throw error;
      });
      await count(viewer);
      const header = req.headers["x-request-id"];
      return {
        requestId: typeof header === "string" && header.length <= 128 ? header : randomUUID(),
        viewer,
        ...(viewer !== anonymous ? { identityHeader: security.internalIdentity.sign(viewer) } : {}),
      };
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      const { http, ...extensions } = error.extensions as { http?: { status?: number } };
      sendJson(res, http?.status ?? 400, { errors: [formatError({ ...error.toJSON(), extensions }, error)] });
      return null;
    }
  };
}

/** What the subscription server asks of the router's security, in the order it asks. */
export interface SubscriptionAdmission {
  /**
   * Draws one request from the caller's budget before anything about the message is read, so a
   * broken or oversized subscription costs what a broken HTTP request costs. An error once spent.
   */
  charge(viewer: Viewer, request: IncomingMessage): Promise<GraphQLError | null>;
  /** Refuses a person whose account was deleted since the socket opened; null otherwise. */
  signedOut(viewer: Viewer): Promise<GraphQLError | null>;
  /** Trusted documents, by the text's hash: decided before the text is parsed or validated. */
  permitSource(viewer: Viewer, query: string): GraphQLError | null;
  /** The operation policy (trusted documents, introspection) for a parsed subscription. */
  permit(viewer: Viewer, query: string, document: DocumentNode): GraphQLError | null;
  /** Errors as this caller may see them: schema hints only for those who may introspect. */
  errorsFor(viewer: Viewer, errors: readonly GraphQLFormattedError[]): GraphQLFormattedError[];
}

/** The same budget, operation policy and error hints for subscriptions as for HTTP. */
export function subscriptionAdmission(security: RouterSecurity): SubscriptionAdmission {
  return {
    async charge(viewer, request) {
      const decision = await security.rateLimits.hit(
        viewer,
        clientAddress(request, security.trustedProxyHops),
      );
      return decision && !decision.allowed ? rateLimitedError(decision) : null;
    },
    async signedOut(viewer) {
      return (await security.accountStands(viewer))
        ? null
        : unauthenticated("this account has been deleted", 401);
    },
    permitSource: (viewer, query) =>
      untrustedRefusal(security.policy, viewer, sha256Hex(query), PartnerScope.Subscribe),
    permit: (viewer, query, document) =>
      refusal(security.policy, viewer, sha256Hex(query), document, PartnerScope.Subscribe),
    errorsFor: (viewer, errors) => errorsFor(security.policy, viewer, errors),
  };
}
