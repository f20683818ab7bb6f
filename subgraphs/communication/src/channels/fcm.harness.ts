import { generateKeyPairSync, randomUUID, verify } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FCM_SCOPE } from "./google-access-token.js";

export interface FcmMessage {
  token: string;
  notification: { title: string; body: string };
  data: Record<string, string>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=UTF-8" });
  res.end(JSON.stringify(body));
}

function fcmError(
  res: ServerResponse,
  status: number,
  grpcStatus: string,
  errorCode: string | null,
  message: string,
) {
  reply(res, status, {
    error: {
      code: status,
      message,
      status: grpcStatus,
      details: errorCode
        ? [{ "@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", errorCode }]
        : [],
    },
  });
}

/** Checks an RS256 JWT against the public key; returns its claims, or null when it is not ours. */
function verifiedClaims(jwt: string, publicKey: ReturnType<typeof generateKeyPairSync>["publicKey"]) {
  const [header, claims, signature] = jwt.split(".");
  if (!header || !claims || !signature) return null;
  const { alg } = JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as { alg?: string };
  if (alg !== "RS256") return null;
  const ok = verify(
    "sha256",
    Buffer.from(`${header}.${claims}`),
    publicKey,
    Buffer.from(signature, "base64url"),
  );
  return ok
    ? (JSON.parse(Buffer.from(claims, "base64url").toString("utf8")) as Record<string, unknown>)
    : null;
}

/**
 * A local stand-in for Google's OAuth token endpoint and FCM's HTTP v1 send endpoint, checking
 * what the real ones check: the service account's signed assertion (issuer, scope, audience,
 * signature), the bearer token on every send, and the message's shape. Tokens in `unregistered`
 * answer 404 UNREGISTERED; `revokeTokens()` makes issued access tokens answer 401.
 */
export async function startFcmServer(projectId = "venta-test") {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const clientEmail = `notifications@${projectId}.iam.gserviceaccount.com`;
  const messages: FcmMessage[] = [];
  const unregistered = new Set<string>();
  let accessTokens = new Set<string>();
  let exchanges = 0;
  let tokenUrl = "";
  const server = createServer((req, res) => {
    (async () => {
      const body = await readBody(req);
      if (req.method === "POST" && req.url === "/token") {
        const form = new URLSearchParams(body);
        const claims = verifiedClaims(form.get("assertion") ?? "", publicKey);
        if (form.get("grant_type") !== "urn:ietf:params:oauth:grant-type:jwt-bearer" || !claims) {
          return reply(res, 400, { error: "invalid_grant", error_description: "Invalid JWT Signature." });
        }
        const now = Date.now() / 1000;
        const exp = Number(claims.exp);
        if (
          claims.iss !== clientEmail ||
          claims.aud !== tokenUrl ||
          claims.scope !== FCM_SCOPE ||
          !(exp > now)
        ) {
          return reply(res, 400, { error: "invalid_grant", error_description: "Invalid JWT claims." });
        }
        exchanges += 1;
        const accessToken = `ya29.${randomUUID()}`;
        accessTokens.add(accessToken);
        return reply(res, 200, { access_token: accessToken, expires_in: 3599, token_type: "Bearer" });
      }
      if (req.method !== "POST" || req.url !== `/v1/projects/${projectId}/messages:send`) {
        return fcmError(res, 404, "NOT_FOUND", null, "Requested entity was not found.");
      }
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
      if (!bearer || !accessTokens.has(bearer)) {
        return fcmError(res, 401, "UNAUTHENTICATED", null, "Request had invalid authentication credentials.");
      }
      const { message } = JSON.parse(body) as { message?: Partial<FcmMessage> };
      const data = message?.data ?? {};
      if (
        typeof message?.token !== "string" ||
        typeof message.notification?.title !== "string" ||
        typeof message.notification.body !== "string" ||
        Object.values(data).some((value) => typeof value !== "string")
      ) {
        return fcmError(res, 400, "INVALID_ARGUMENT", "INVALID_ARGUMENT", "Invalid message payload.");
      }
      if (unregistered.has(message.token)) {
        return fcmError(res, 404, "NOT_FOUND", "UNREGISTERED", "Requested entity was not found.");
      }
      messages.push({ token: message.token, notification: message.notification, data });
      reply(res, 200, { name: `projects/${projectId}/messages/${messages.length}` });
    })().catch(() => reply(res, 500, { error: { code: 500, status: "INTERNAL" } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  tokenUrl = `${baseUrl}/token`;
  const dir = mkdtempSync(join(tmpdir(), "venta-fcm-"));
  const serviceAccountFile = join(dir, "service-account.json");
  writeFileSync(
    serviceAccountFile,
    JSON.stringify({
      type: "service_account",
      project_id: projectId,
      private_key_id: "key-1",
      private_key: privateKey.export({ type: "pkcs8", format: "pem" }),
      client_email: clientEmail,
      token_uri: tokenUrl,
    }),
  );
  return {
    baseUrl,
    serviceAccountFile,
    messages,
    unregistered,
    exchanges: () => exchanges,
    revokeTokens: () => {
      accessTokens = new Set();
    },
    close: async () => {
      rmSync(dir, { recursive: true, force: true });
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
