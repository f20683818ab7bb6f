import { generateKeyPairSync, randomUUID, verify } from "node:crypto";
import { constants, createServer, type ServerHttp2Stream } from "node:http2";
import type { AddressInfo } from "node:net";

export interface ApnsNotification {
  deviceToken: string;
  topic: string;
  pushType: string;
  payload: { aps: { alert: { title: string; body: string } } } & Record<string, unknown>;
}

/**
 * A local stand-in for Apple's provider API over HTTP/2 (cleartext, prior knowledge): checks the
 * ES256 provider token (key id, team, signature), `apns-topic` and `apns-push-type`, and answers as
 * Apple does: 200 with an `apns-id`, 410 `Unregistered` for tokens in `unregistered`, 400
 * `BadDeviceToken` for tokens that are not 64 hex digits, 403 `InvalidProviderToken`.
 */
export async function startApnsServer(options: { keyId: string; teamId: string; topic: string }) {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const notifications: ApnsNotification[] = [];
  const unregistered = new Set<string>();
  const sessions = new Set<import("node:http2").ServerHttp2Session>();
  let connections = 0;

  const answer = (stream: ServerHttp2Stream, status: number, reason?: string) => {
    const apnsId = randomUUID().toUpperCase();
    stream.respond({ [constants.HTTP2_HEADER_STATUS]: status, "apns-id": apnsId });
    stream.end(
      reason ? JSON.stringify({ reason, ...(status === 410 ? { timestamp: Date.now() } : {}) }) : undefined,
    );
  };

  const validProviderToken = (authorization: string | undefined): boolean => {
    const jwt = /^bearer (.+)$/.exec(authorization ?? "")?.[1];
    const [header, claims, signature] = jwt?.split(".") ?? [];
    if (!header || !claims || !signature) return false;
    const h = JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as { alg?: string; kid?: string };
    const c = JSON.parse(Buffer.from(claims, "base64url").toString("utf8")) as { iss?: string; iat?: number };
    const signed = verify(
      "sha256",
      Buffer.from(`${header}.${claims}`),
      { key: publicKey, dsaEncoding: "ieee-p1363" },
      Buffer.from(signature, "base64url"),
    );
    return (
      signed &&
      h.alg === "ES256" &&
      h.kid === options.keyId &&
      c.iss === options.teamId &&
      typeof c.iat === "number"
    );
  };

  const server = createServer();
  server.on("session", (session) => {
    connections += 1;
    sessions.add(session);
    session.on("close", () => sessions.delete(session));
  });
  server.on("stream", (stream, headers) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      const path = String(headers[constants.HTTP2_HEADER_PATH]);
      const deviceToken = /^\/3\/device\/([^/]+)$/.exec(path)?.[1];
      if (headers[constants.HTTP2_HEADER_METHOD] !== "POST") return answer(stream, 405, "MethodNotAllowed");
      if (!deviceToken) return answer(stream, 404, "BadPath");
      if (!validProviderToken(headers.authorization as string | undefined))
        return answer(stream, 403, "InvalidProviderToken");
      if (headers["apns-topic"] !== options.topic) return answer(stream, 400, "TopicDisallowed");
      if (!/^[0-9a-f]{64}$/i.test(deviceToken)) return answer(stream, 400, "BadDeviceToken");
      if (unregistered.has(deviceToken)) return answer(stream, 410, "Unregistered");
      let payload: ApnsNotification["payload"];
      try {
        payload = JSON.parse(Buffer.concat(chunks).toString("utf8")) as ApnsNotification["payload"];
      } catch {
        return answer(stream, 400, "PayloadEmpty");
      }
      if (typeof payload.aps?.alert?.title !== "string") return answer(stream, 400, "PayloadEmpty");
      notifications.push({
        deviceToken,
        topic: String(headers["apns-topic"]),
        pushType: String(headers["apns-push-type"]),
        payload,
      });
      answer(stream, 200);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    signingKey: privateKey,
    notifications,
    unregistered,
    connections: () => connections,
    /** Closes every open connection (as Apple does after a GOAWAY or idle time), keeping the server up. */
    dropConnections: async () => {
      await Promise.all(
        [...sessions].map((session) => new Promise<void>((resolve) => session.close(() => resolve()))),
      );
    },
    close: async () => {
      for (const session of sessions) session.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
