import type { IncomingMessage } from "node:http";

/** What a caller presents: a person's bearer token, a partner's API key, or both. */
export interface Credentials {
  /** The whole `Authorization` value, such as `Bearer eyJ…`. */
  authorization?: string | undefined;
  apiKey?: string | undefined;
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return typeof value === "string" && value !== "" ? value : undefined;
};

export const httpCredentials = (req: IncomingMessage): Credentials => ({
  authorization: header(req, "authorization"),
  apiKey: header(req, "x-api-key"),
});

/**
 * Browsers cannot set headers on a WebSocket, so subscriptions carry the same credentials in the
 * `connection_init` payload: `{ authorization: "Bearer …" }` and/or `{ apiKey: "…" }`.
 */
export function socketCredentials(params: Readonly<Record<string, unknown>> | undefined): Credentials {
  const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);
  return {
    authorization: text(params?.authorization) ?? text(params?.Authorization),
    apiKey: text(params?.apiKey) ?? text(params?.["x-api-key"]),
  };
}

/** The client's address: the socket's, or the first `X-Forwarded-For` hop behind a trusted proxy. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = header(req, "x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return req.socket.remoteAddress ?? "unknown";
}
