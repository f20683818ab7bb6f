import {
  DeleteMyAccountDocument,
  MeDocument,
  UpdateMyContactDetailsDocument,
  VentaClient,
  VentaRequestError,
} from "@venta/client";
import { redisForTests, type Stack, startStack } from "@venta/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CountingProxy, countingProxy } from "../security/counting-proxy.js";

const redisUrl = await redisForTests();
const CALLERS = "/internal/callers/verify";

/** The HTTP status and code a refused call answered with; "allowed" when it went through. */
async function outcome(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return "allowed";
  } catch (error) {
    if (error instanceof VentaRequestError) return `${error.status} ${error.code}`;
    throw error;
  }
}

/**
 * Deployed with Redis, marketplace records a deletion there before it answers, and routers read it
 * there: signed-in requests never wait on marketplace, and a deletion still stops the very next one.
 */
describe.runIf(redisUrl)("a deleted account, with the deletion records in Redis", () => {
  let stack: Stack;
  let marketplace: CountingProxy;

  beforeAll(async () => {
    marketplace = await countingProxy();
    stack = await startStack({
      // The proxies in front of the subgraphs learn their targets once the stack is up.
      routerWaitsFor: "live",
      env: { REDIS_URL: redisUrl, MARKETPLACE_URL: marketplace.url },
    });
    marketplace.target = stack.urls.marketplace;
  }, 90_000);
  afterAll(async () => {
    await stack?.close();
    await marketplace?.close();
  });

  it("refuses the next request on every router, and no signed-in request asks marketplace", async () => {
    const { headers } = await stack.signUp("Noor", ["CUSTOMER"]);
    const token = headers.authorization?.replace(/^Bearer /, "") ?? "";
    const noor = new VentaClient({ url: `${stack.urls.router}/graphql`, token });
    await noor.request(UpdateMyContactDetailsDocument, { input: { email: "noor@example.com" } });
    await noor.request(DeleteMyAccountDocument, {});

    expect(await outcome(() => noor.request(MeDocument, {}))).toBe("401 UNAUTHENTICATED");
    expect(
      await outcome(() =>
        noor.request(UpdateMyContactDetailsDocument, { input: { email: "back@example.com" } }),
      ),
    ).toBe("401 UNAUTHENTICATED");
    const other = await stack.startExtraRouter();
    try {
      const elsewhere = new VentaClient({ url: `${other.url}/graphql`, token });
      expect(await outcome(() => elsewhere.request(MeDocument, {}))).toBe("401 UNAUTHENTICATED");
    } finally {
      await other.stop();
    }
    expect(marketplace.requestsTo(CALLERS)).toBe(0);
  });
});
