/** The header Venta signs every webhook delivery in: `t=<unix seconds>,v1=<hex>[,v1=<hex>]`. */
export const VENTA_SIGNATURE_HEADER = "venta-signature";

export interface VerifyVentaSignatureOptions {
  /** The raw request body, exactly as received: not parsed and re-serialized. */
  body: string | Uint8Array;
  /** The `Venta-Signature` header's value. */
  signature: string | null | undefined;
  /** The subscription's signing secret (`whsec_…`). */
  secret: string;
  /** Oldest signing time accepted, in seconds before now: replayed deliveries are refused. Default: 300. */
  toleranceSeconds?: number;
  /** Now, in unix seconds; for tests. */
  now?: number;
}

const encoder = new TextEncoder();

const toHex = (bytes: ArrayBuffer) =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");

const fromHex = (hex: string): Uint8Array | null => {
  if (!/^[0-9a-f]{64}$/.test(hex)) return null;
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i += 1) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
};

/**
 * Whether a webhook delivery really comes from Venta: some `v1` in the header is the HMAC-SHA256,
 * keyed with the secret, of `<t>.<body>`, and `t` is recent. Web Crypto's verify compares in
 * constant time; it runs in Node 20+, Deno, Bun, workers and browsers alike.
 */
export async function verifyVentaSignature(options: VerifyVentaSignatureOptions): Promise<boolean> {
  const { signature, secret } = options;
  if (!signature) return false;
  const parts = signature.split(",").map((part) => part.trim().split("="));
  const timestamp = Number(parts.find(([key]) => key === "t")?.[1]);
  if (!Number.isInteger(timestamp)) return false;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) return false;
  const body = typeof options.body === "string" ? encoder.encode(options.body) : options.body;
  const prefix = encoder.encode(`${timestamp}.`);
  const signed = new Uint8Array(prefix.length + body.length);
  signed.set(prefix);
  signed.set(body, prefix.length);
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["verify"],
  );
  for (const [scheme, value] of parts) {
    if (scheme !== "v1" || value === undefined) continue;
    const candidate = fromHex(value);
    if (candidate && (await crypto.subtle.verify("HMAC", key, candidate, signed))) return true;
  }
  return false;
}

/** The hex signature Venta would send for `body` at `timestamp`: for partners' own tests. */
export async function ventaSignatureOf(secret: string, timestamp: number, body: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return toHex(await crypto.subtle.sign("HMAC", key, encoder.encode(`${timestamp}.${body}`)));
}
