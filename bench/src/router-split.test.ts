import { describe, expect, it } from "vitest";
import { routerOfRequest, routerOfSubscription, shareSubscriptions } from "./router-split.js";

describe("splitting subscriptions over routers", () => {
  it("gives each router an even, contiguous share and the sockets it needs", () => {
    expect(shareSubscriptions(50_000, 2, 100)).toEqual([
      { router: 0, first: 0, count: 25_000, sockets: 250 },
      { router: 1, first: 25_000, count: 25_000, sockets: 250 },
    ]);
    const odd = shareSubscriptions(1_001, 3, 100);
    expect(odd.map((share) => share.count)).toEqual([334, 334, 333]);
    expect(odd.map((share) => share.first)).toEqual([0, 334, 668]);
    expect(odd.map((share) => share.sockets)).toEqual([4, 4, 4]);
    expect(shareSubscriptions(10_000, 1, 100)).toEqual([
      { router: 0, first: 0, count: 10_000, sockets: 100 },
    ]);
  });

  it("puts watchers of every mover on every router, however the movers' count divides", () => {
    for (const movers of [200, 199, 2_000]) {
      const shares = shareSubscriptions(50_000, 2, 100);
      const routerOf = routerOfSubscription(shares);
      const seen = [new Set<number>(), new Set<number>()];
      for (let subscription = 0; subscription < 50_000; subscription += 1)
        seen[routerOf(subscription)]?.add(subscription % movers);
      expect(seen.map((movers) => movers.size)).toEqual([movers, movers]);
    }
  });

  it("finds a subscription's router, and refuses one outside every share", () => {
    const routerOf = routerOfSubscription(shareSubscriptions(10, 2, 100));
    expect([0, 4, 5, 9].map(routerOf)).toEqual([0, 0, 1, 1]);
    expect(() => routerOf(10)).toThrow(RangeError);
  });

  it("sends requests to the routers in turn", () => {
    expect([0, 1, 2, 3, 4].map((k) => routerOfRequest(k, 2))).toEqual([0, 1, 0, 1, 0]);
    expect([0, 1, 2].map((k) => routerOfRequest(k, 1))).toEqual([0, 0, 0]);
  });
});
