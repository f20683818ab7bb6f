import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { anonymous, PartnerScope, type Viewer } from "@venta/auth";
import { sendJson } from "@venta/kit";
import type { GraphQLFormattedError } from "graphql";
import { type DocumentNode, GraphQLError } from "graphql";
import type { RouterContext } from "../gateway.js";
import { rateLimitedError, rateLimitHeaders } from "../limits/rate-limit-headers.js";
import { clientAddress, httpCredentials } from "./credentials.js";
import { refusal } from "./operation-policy.js";
import type { RouterSecurity } from "./router-security.js";
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

/** The same budget and operation policy for each new subscription; an error refuses it. */
export function subscriptionAdmission(security: RouterSecurity) {
  return async (
    viewer: Viewer,
    request: IncomingMessage,
    query: string,
    document: DocumentNode,
  ): Promise<GraphQLError | null> => {
    const decision = await security.rateLimits.hit(viewer, clientAddress(request, security.trustedProxyHops));
    if (decision && !decision.allowed) return rateLimitedError(decision);
    return refusal(security.policy, viewer, sha256Hex(query), document, PartnerScope.Subscribe);
  };
}
