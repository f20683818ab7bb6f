import type { IncomingMessage } from "node:http";

/**
 * The body's bytes, or null when it is larger than `maxBytes`. Unlike stopping at the limit (which
 * destroys the socket), the rest of an oversized body is read and dropped: the client is still
 * sending it, and must be able to read the refusal in Stripe's shape rather than a reset
 * connection. The server's request timeout bounds how long a client can keep sending.
 */
export async function readBodyWithin(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= maxBytes) chunks.push(chunk);
  }
  return size > maxBytes ? null : Buffer.concat(chunks);
}
