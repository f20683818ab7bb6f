import type { Viewer } from "@venta/auth";
import { callerKindOf, type Logger } from "@venta/kit";
import type { RateLimitDecision, RateLimiter } from "../limits/rate-limiter.js";
import { countRateLimitRefusal } from "../metrics/router-metrics.js";

export interface RateLimitBudgets {
  anonymous: number;
  user: number;
  partner: number;
}

/**
 * One budget per caller: a partner key's, else a person's, else the IP's. HTTP requests and new
 * subscriptions draw on the same budget. If the limiter's store is down, requests go through
 * (logged): an outage of the limiter must not become an outage of the API.
 */
export class RateLimits {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly budgets: RateLimitBudgets,
    private readonly log: Logger,
  ) {}

  async hit(viewer: Viewer, address: string): Promise<RateLimitDecision | null> {
    const [key, limit] = viewer.partner
      ? [`partner:${viewer.partner.keyId}`, this.budgets.partner]
      : viewer.userId
        ? [`user:${viewer.userId}`, this.budgets.user]
        : [`ip:${address}`, this.budgets.anonymous];
    let decision: RateLimitDecision;
    try {
      decision = await this.limiter.hit(key, limit);
    } catch (error) {
      this.log.warn({ err: (error as Error).message }, "rate limiter unavailable; request not counted");
      return null;
    }
    if (!decision.allowed) countRateLimitRefusal(callerKindOf(viewer), "requests");
    return decision;
  }

  close(): Promise<void> {
    return this.limiter.close();
  }
}
