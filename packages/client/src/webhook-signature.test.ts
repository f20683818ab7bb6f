import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ventaSignatureOf, verifyVentaSignature } from "./webhook-signature.js";

const secret = "whsec_partner_test_secret";
const body = '{"id":"evt_1","type":"vendor.updated","createdAt":"2026-01-01T00:00:00.000Z","data":{}}';
const t = 1_780_000_000;
const hmac = (key: string, text: string) => createHmac("sha256", key).update(text).digest("hex");

describe("verifyVentaSignature", () => {
  it("accepts the HMAC-SHA256 of `<t>.<body>` with the secret, as Venta computes it", async () => {
    const signature = `t=${t},v1=${hmac(secret, `${t}.${body}`)}`;
    expect(await verifyVentaSignature({ body, signature, secret, now: t + 10 })).toBe(true);
    expect(await ventaSignatureOf(secret, t, body)).toBe(hmac(secret, `${t}.${body}`));
    expect(
      await verifyVentaSignature({ body: new TextEncoder().encode(body), signature, secret, now: t }),
    ).toBe(true);
  });

  it("accepts any one of several v1 signatures, as during a secret rotation", async () => {
    const signature = `t=${t},v1=${hmac("whsec_new", `${t}.${body}`)},v1=${hmac(secret, `${t}.${body}`)}`;
    expect(await verifyVentaSignature({ body, signature, secret, now: t })).toBe(true);
  });

  it("refuses a changed body, another secret, a stale or missing timestamp, and junk", async () => {
    const signature = `t=${t},v1=${hmac(secret, `${t}.${body}`)}`;
    expect(await verifyVentaSignature({ body: `${body} `, signature, secret, now: t })).toBe(false);
    expect(await verifyVentaSignature({ body, signature, secret: "whsec_other", now: t })).toBe(false);
    expect(await verifyVentaSignature({ body, signature, secret, now: t + 301 })).toBe(false);
    expect(
      await verifyVentaSignature({ body, signature: signature.replace(`t=${t},`, ""), secret, now: t }),
    ).toBe(false);
    expect(await verifyVentaSignature({ body, signature: "garbage", secret, now: t })).toBe(false);
    expect(await verifyVentaSignature({ body, signature: undefined, secret, now: t })).toBe(false);
  });
});
