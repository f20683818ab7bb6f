import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Checks that a webhook delivery comes from Venta. `rawBody` is the request body exactly as
 * received; `header` is the `Venta-Signature` header; `secret` is the subscription's `whsec_…`.
 */
export function verifyVentaWebhook(
  rawBody: string,
  header: string,
  secret: string,
  toleranceSeconds = 300,
): boolean {
  const parts = header.split(",").map((part) => part.trim().split("="));
  const timestamp = Number(parts.find(([key]) => key === "t")?.[1]);
  if (!Number.isInteger(timestamp)) return false;
  if (Math.abs(Date.now() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest();
  return parts.some(([scheme, hex]) => {
    if (scheme !== "v1" || !hex || !/^[0-9a-f]{64}$/.test(hex)) return false;
    return timingSafeEqual(Buffer.from(hex, "hex"), expected);
  });
}
