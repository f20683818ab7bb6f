import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface TwilioMessage {
  accountSid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
}

const E164 = /^\+[1-9]\d{6,14}$/;
/** Twilio's test credentials treat this number as invalid (21211), whatever its form. */
export const INVALID_NUMBER = "+15005550001";

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/**
 * A local server speaking Twilio's Messages API the way Twilio does: Basic auth with the account
 * SID and auth token, a form-encoded body, 201 with the message resource, and Twilio's error body
 * (`code`, `message`, `more_info`, `status`) for a bad login (20003), a bad number (21211, also
 * Twilio's magic {@link INVALID_NUMBER}) or an outage. `outage(n)` makes the next n sends answer 503.
 */
export async function startTwilioServer(accountSid: string, authToken: string) {
  const messages: TwilioMessage[] = [];
  let outages = 0;
  const error = (res: ServerResponse, status: number, code: number, message: string) =>
    reply(res, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
  const server = createServer((req, res) => {
    (async () => {
      const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(req.url ?? "");
      if (req.method !== "POST" || !match)
        return error(res, 404, 20404, "The requested resource was not found");
      const expected = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`;
      if (req.headers.authorization !== expected || match[1] !== accountSid) {
        return error(res, 401, 20003, "Authenticate");
      }
      if (!req.headers["content-type"]?.startsWith("application/x-www-form-urlencoded")) {
        return error(res, 400, 20001, "Unsupported content type");
      }
      const form = new URLSearchParams(await readBody(req));
      if (outages > 0) {
        outages -= 1;
        return error(res, 503, 20500, "Service unavailable");
      }
      const to = form.get("To") ?? "";
      if (!E164.test(to) || to === INVALID_NUMBER)
        return error(res, 400, 21211, `The 'To' number ${to} is not a valid phone number.`);
      const from = form.get("From");
      const messagingServiceSid = form.get("MessagingServiceSid");
      if (!from && !messagingServiceSid) return error(res, 400, 21603, "A 'From' phone number is required.");
      const body = form.get("Body") ?? "";
      messages.push({ accountSid, to, from, messagingServiceSid, body });
      const sid = `SM${randomUUID().replaceAll("-", "")}`;
      reply(res, 201, { sid, account_sid: accountSid, to, from, body, status: "queued", num_segments: "1" });
    })().catch(() => error(res, 500, 20500, "Internal Server Error"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    messages,
    outage: (times: number) => {
      outages = times;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
