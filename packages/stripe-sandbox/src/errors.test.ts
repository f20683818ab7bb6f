import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_KEY, stripeClient } from "./sandbox.harness.js";
import { type StripeSandbox, startStripeSandbox } from "./sandbox.js";

describe("refusals in Stripe's shape", () => {
  let sandbox: StripeSandbox;
  let stripe: Stripe;
  beforeAll(async () => {
    sandbox = await startStripeSandbox();
    stripe = stripeClient(sandbox);
  });
  afterAll(() => sandbox.close());

  const call = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
    fetch(`${sandbox.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${API_KEY}`, ...init.headers },
    });
  const postForm = (body: string | Uint8Array, contentType = "application/x-www-form-urlencoded") =>
    call("/v1/payment_intents", { method: "POST", body, headers: { "content-type": contentType } });

  it("answers 401 without an API key, and to a key that is not a test secret key", async () => {
    const anonymous = await fetch(`${sandbox.url}/v1/payment_intents`);
    expect(anonymous.status).toBe(401);
    const body = (await anonymous.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe("invalid_request_error");
    expect(body.error.message).toMatch(/You did not provide an API key/);
    expect(anonymous.headers.get("request-id")).toMatch(/^req_/);

    const live = new Stripe("sk_live_not_here", { host: "127.0.0.1", port: sandbox.port, protocol: "http" });
    await expect(live.paymentIntents.list()).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    const wrongScheme = await call("/v1/payment_intents", { headers: { authorization: `Token ${API_KEY}` } });
    expect(wrongScheme.status).toBe(401);
  });

  it("accepts the key as a Basic user name, as curl -u sends it", async () => {
    const basic = await call("/v1/payment_intents", {
      headers: { authorization: `Basic ${Buffer.from(`${API_KEY}:`).toString("base64")}` },
    });
    expect(basic.status).toBe(200);
  });

  it("answers 404 resource_missing for unknown ids", async () => {
    await expect(stripe.paymentIntents.retrieve("pi_x")).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      statusCode: 404,
      code: "resource_missing",
      message: "No such payment_intent: 'pi_x'",
    });
    await expect(stripe.charges.retrieve("ch_x")).rejects.toMatchObject({
      statusCode: 404,
      message: "No such charge: 'ch_x'",
    });
    await expect(stripe.refunds.retrieve("re_x")).rejects.toMatchObject({ statusCode: 404 });
    await expect(stripe.accounts.retrieve("acct_x")).rejects.toMatchObject({ statusCode: 404 });
    await expect(stripe.events.retrieve("evt_x")).rejects.toMatchObject({ statusCode: 404 });
    await expect(stripe.balanceTransactions.retrieve("txn_x")).rejects.toMatchObject({ statusCode: 404 });
    await expect(
      stripe.paymentIntents.confirm("pi_x", { payment_method: "pm_card_visa" }),
    ).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  it("answers 404 in Stripe's shape for an unknown route or method", async () => {
    for (const [method, path] of [
      ["GET", "/v1/customers"],
      ["DELETE", "/v1/payment_intents/pi_1"],
      ["GET", "/v2/core/events"],
      ["GET", "/v1/payment_intents/%2e%2e"],
    ] as const) {
      const answer = await call(path, { method });
      expect(answer.status).toBe(404);
      expect(await answer.json()).toMatchObject({
        error: { type: "invalid_request_error", message: expect.stringMatching(/^Unrecognized request URL/) },
      });
    }
  });

  it("names the parameter that is missing, unknown, or not what it must be", async () => {
    await expect(
      stripe.paymentIntents.create({ currency: "usd" } as Stripe.PaymentIntentCreateParams),
    ).rejects.toMatchObject({
      code: "parameter_missing",
      param: "amount",
      message: "Missing required param: amount.",
    });
    const typo = await postForm("amount=1000&currency=usd&metdata[a]=b");
    expect(await typo.json()).toMatchObject({ error: { code: "parameter_unknown", param: "metdata" } });
    const nestedTypo = await postForm("amount=1000&currency=usd&transfer_data[destinaton]=acct_1");
    expect(await nestedTypo.json()).toMatchObject({ error: { param: "transfer_data[destinaton]" } });
    const notInteger = await postForm("amount=12.50&currency=usd");
    expect(notInteger.status).toBe(400);
    expect(await notInteger.json()).toMatchObject({
      error: { code: "parameter_invalid_integer", param: "amount" },
    });
    const notBoolean = await postForm("amount=1000&currency=usd&confirm=yes");
    expect(await notBoolean.json()).toMatchObject({ error: { param: "confirm" } });
    await expect(stripe.paymentIntents.create({ amount: 10, currency: "usd" })).rejects.toMatchObject({
      code: "amount_too_small",
    });
    await expect(stripe.paymentIntents.create({ amount: 1000, currency: "xyz" })).rejects.toMatchObject({
      param: "currency",
    });
    await expect(
      stripe.paymentIntents.create({ amount: 1000, currency: "usd", payment_method: "pm_card_unknown" }),
    ).rejects.toMatchObject({ code: "resource_missing", param: "payment_method" });
  });

  it("answers malformed form bodies with a 400, and keeps serving", async () => {
    for (const body of [
      "amount=%E0%A4%A&currency=usd",
      "amount=1000&currency=usd&metadata[a=1",
      "amount=1000&currency=usd&metadata=x&metadata[a]=1",
      "amount=1000&currency=usd&metadata[a][b]=1",
      "amount=1000&currency=usd&expand[][x]=1",
      `amount=1000&currency=usd&${"a".repeat(10)}${"[x]".repeat(20)}=1`,
      "amount[]=1000&currency=usd",
      "=1&currency=usd",
    ]) {
      const answer = await postForm(body);
      expect(answer.status, body).toBe(400);
      const json = (await answer.json()) as { error: { type: string; message: string } };
      expect(json.error.type, body).toBe("invalid_request_error");
    }
    const notUtf8 = await postForm(new Uint8Array([0x61, 0x3d, 0xff, 0xfe]));
    expect(notUtf8.status).toBe(400);
    const json = await postForm('{"amount":1000}', "application/json");
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ error: { message: expect.stringContaining("Content-Type") } });
    expect((await stripe.paymentIntents.create({ amount: 1000, currency: "usd" })).status).toBe(
      "requires_payment_method",
    );
  });

  it("keeps a key named __proto__ as an ordinary metadata key", async () => {
    const answer = await postForm("amount=1000&currency=usd&metadata[__proto__]=x&metadata[constructor]=y");
    expect(answer.status).toBe(200);
    const intent = (await answer.json()) as { metadata: Record<string, string> };
    expect(Object.keys(intent.metadata).sort()).toEqual(["__proto__", "constructor"]);
  });

  it("refuses a body over 1 MB in Stripe's shape without reading it all", async () => {
    const huge = `amount=1000&currency=usd&description=${"x".repeat(1_100_000)}`;
    const answer = await postForm(huge);
    expect(answer.status).toBe(413);
    expect(await answer.json()).toMatchObject({ error: { type: "invalid_request_error" } });
    expect((await stripe.paymentIntents.list()).object).toBe("list");
  });

  it("refuses calls on behalf of a connected account rather than acting as the platform", async () => {
    await expect(stripe.paymentIntents.list({}, { stripeAccount: "acct_1" })).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining("Stripe-Account"),
    });
  });
});
