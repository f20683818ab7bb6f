/** The subscriptions one router carries: a contiguous run of the figure's subscription numbers. */
export interface RouterShare {
  /** 0-based, in the order the routers were given. */
  router: number;
  first: number;
  count: number;
  sockets: number;
}

/**
 * Splits `subscriptions` over `routers` as a load balancer would, evenly (counts differ by one at
 * most) and whatever each subscription watches: runs of consecutive subscriptions, and
 * subscription i watches mover i mod movers, so every router carries watchers of every mover once
 * its share holds as many subscriptions as there are movers. Dealing them out one by one would not:
 * with an even number of movers, one router would get only the even movers' watchers.
 */
export function shareSubscriptions(subscriptions: number, routers: number, perSocket: number): RouterShare[] {
  const shares: RouterShare[] = [];
  let first = 0;
  for (let router = 0; router < routers; router += 1) {
    const count = Math.floor(subscriptions / routers) + (router < subscriptions % routers ? 1 : 0);
    shares.push({ router, first, count, sockets: Math.ceil(count / perSocket) });
    first += count;
  }
  return shares;
}

/** Which router a subscription is open on, for the shares `shareSubscriptions` made. */
export function routerOfSubscription(shares: readonly RouterShare[]): (subscription: number) => number {
  return (subscription) => {
    const share = shares.find((s) => subscription >= s.first && subscription < s.first + s.count);
    if (!share) throw new RangeError(`subscription ${subscription} is in no router's share`);
    return share.router;
  };
}

/** Which router request `k` goes to: in turn, as a load balancer spreads a fleet's requests. */
export const routerOfRequest = (request: number, routers: number): number => request % routers;
