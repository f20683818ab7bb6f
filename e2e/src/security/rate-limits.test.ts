import { postGraphQL, redisForTests, type Stack, startStack } from "@venta/testing";
import { createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";

const redisUrl = await redisForTests();
// Long enough that eight requests fit in one window on a busy machine; the recovery test waits it out.
const WINDOW_MS = 4_000;

/**
 * Budgets are shared through Redis, so two routers count one caller once: the test sends through
 * both and the limit still holds.
 */
describe.skipIf(!redisUrl)("rate limits in Redis, per caller", () => {
  let stack: Stack;
  let second: { url: string; stop(): Promise<void> };
  const query = `{ vendors(first: 1) { totalCount } }`;

  beforeAll(async () => {
    stack = await startStack({
      env: {
        REDIS_URL: redisUrl,
        RATE_LIMIT_WINDOW_MS: String(WINDOW_MS),
        RATE_LIMIT_ANONYMOUS: "6",
        RATE_LIMIT_USER: "10",
      },
    });
    second = await stack.startExtraRouter();
  });
  afterAll(async () => {
    await second?.stop();
    await stack?.close();
  });

  const routers = () => [`${stack.urls.router}/graphql`, `${second.url}/graphql`];

  it("answers RATE_LIMITED with 429 and RateLimit headers once an address's budget is spent, then recovers", async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 8; i += 1) {
      last = await fetch(routers()[i % 2] as string, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      });
      statuses.push(last.status);
      if (i < 7) await last.arrayBuffer();
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429]);
    const refused = last as Response;
    expect(refused.headers.get("ratelimit-limit")).toBe("6");
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const body = (await refused.json()) as {
      errors: { extensions: { code: string; retryAfterSeconds: number } }[];
    };
    expect(body.errors[0]?.extensions).toMatchObject({ code: "RATE_LIMITED" });

    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS + 100));
    const recovered = await postGraphQL(routers()[0] as string, query);
    expect(recovered.status).toBe(200);
    expect(recovered.errors).toBeUndefined();
  });

  it("gives each signed-in person their own budget, apart from the address's", async () => {
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS + 100));
    const dana = { authorization: `Bearer ${await stack.token("dana", ["CUSTOMER"])}` };
    const erin = { authorization: `Bearer ${await stack.token("erin", ["CUSTOMER"])}` };
    const statuses = async (headers: Record<string, string>, count: number) => {
      const seen: number[] = [];
      for (let i = 0; i < count; i += 1)
        seen.push((await postGraphQL(routers()[i % 2] as string, query, {}, headers)).status);
      return seen;
    };
    expect(await statuses(dana, 11)).toEqual([...Array(10).fill(200), 429]);
    expect(await statuses(erin, 3)).toEqual([200, 200, 200]);
  });

  it("counts new subscriptions against the same budget", async () => {
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS + 100));
    const client = createClient({
      url: `${stack.urls.router.replace(/^http/, "ws")}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    const subscribe = () =>
      new Promise<unknown>((resolve) => {
        const stop = client.subscribe(
          { query: `subscription { vendorLocationUpdated(vendorIds: ["none"]) { kind } }` },
          { next: () => undefined, error: resolve, complete: () => resolve("completed") },
        );
        // A subscription still open after a moment was admitted (a refusal comes back at once).
        setTimeout(() => {
          stop();
          resolve("admitted");
        }, 1_000);
      });
    const outcomes = await Promise.all(Array.from({ length: 7 }, subscribe));
    await client.dispose();
    // Summed up, so a failure shows every outcome, not only the first that differs.
    const summary: Record<string, number> = {};
    for (const outcome of outcomes) {
      const key =
        typeof outcome === "string"
          ? outcome
          : String(
              (outcome as { extensions?: { code?: string } }[])[0]?.extensions?.code ??
                JSON.stringify(outcome),
            );
      summary[key] = (summary[key] ?? 0) + 1;
    }
    expect(summary).toEqual({ admitted: 6, RATE_LIMITED: 1 });
  });
});
