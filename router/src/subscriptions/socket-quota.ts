import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { REQUEST_ID_HEADER } from "@venta/kit";

export interface SocketLimits {
  /** Largest graphql-ws message; a larger one closes its socket with 1009 before it is read. */
  maxMessageBytes: number;
  /** Open sockets per client address. */
  maxPerAddress: number;
  /** Open sockets in all. */
  maxTotal: number;
}

/** Why a socket was not let in, answered as HTTP on the upgrade request. */
interface Refusal {
  status: 429 | 503;
  message: string;
}

/**
 * The open subscription sockets, per client address and in all. A place is taken when an upgrade
 * is let in and given back when its TCP connection closes, whether the handshake completed or not.
 */
export class SocketQuota {
  private readonly byAddress = new Map<string, number>();
  private total = 0;

  constructor(private readonly limits: Pick<SocketLimits, "maxPerAddress" | "maxTotal">) {}

  /** Takes a place for `connection`, or says why there is none. */
  admit(address: string, connection: Duplex): Refusal | null {
    if (this.total >= this.limits.maxTotal) {
      return { status: 503, message: "the server holds all the subscription sockets it can; retry shortly" };
    }
    const held = this.byAddress.get(address) ?? 0;
    if (held >= this.limits.maxPerAddress) {
      return {
        status: 429,
        message: `at most ${this.limits.maxPerAddress} subscription sockets per address`,
      };
    }
    // A connection already gone has emitted its `close`: counted, it would never be given back.
    if (connection.destroyed) return null;
    this.byAddress.set(address, held + 1);
    this.total += 1;
    connection.once("close", () => this.release(address));
    return null;
  }

  private release(address: string): void {
    this.total -= 1;
    const held = (this.byAddress.get(address) ?? 1) - 1;
    if (held > 0) this.byAddress.set(address, held);
    else this.byAddress.delete(address);
  }
}

const REASONS = { 404: "Not Found", 429: "Too Many Requests", 503: "Service Unavailable" } as const;

/**
 * Answers an upgrade request with plain HTTP and hangs up: refused before the WebSocket handshake,
 * a client spends no frame, and browsers see the status in their failed connection.
 */
export function refuseUpgrade(
  connection: Duplex,
  status: keyof typeof REASONS,
  message: string,
  code: string,
  requestId: string,
): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  connection.end(
    `HTTP/1.1 ${status} ${REASONS[status]}\r\n` +
      "Connection: close\r\n" +
      `${REQUEST_ID_HEADER}: ${requestId}\r\n` +
      "Content-Type: application/json\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      (status === 404 ? "" : "Retry-After: 5\r\n") +
      `\r\n${body}`,
  );
}

/** The path of an upgrade request, without its query string. */
export const upgradePath = (request: IncomingMessage): string => (request.url ?? "/").split("?")[0] ?? "/";
