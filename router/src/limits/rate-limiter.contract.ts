import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import type { RateLimitDecision, RateLimiter } from "./rate-limiter.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// Enough to outlast timer and network jitter, small against the short window.
const SLACK_MS = 40;
const SHORT_WINDOW_MS = 300;
// For tests about counting, not ageing: nothing may leave the window while they run.
const LONG_WINDOW_MS = 60_000;

/** The behaviour every rate limiter must show; each adapter's test file runs it. */
export function rateLimiterContract(adapter: string, open: (windowMs: number) => Promise<RateLimiter>): void {
  describe(`${adapter} rate limiter`, () => {
    const opened: RateLimiter[] = [];
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((limiter) => limiter.close()));
    });
    const setup = async (windowMs: number) => {
      const limiter = await open(windowMs);
      opened.push(limiter);
      return limiter;
    };
    // Fresh keys per test, so runs against a shared Redis never see each other.
    const freshKey = () => `test-${randomUUID()}`;
    const hits = async (limiter: RateLimiter, key: string, limit: number, count: number) => {
      const decisions: RateLimitDecision[] = [];
      for (let i = 0; i < count; i += 1) decisions.push(await limiter.hit(key, limit));
      return decisions;
    };

    it("allows up to the limit, then refuses with nothing remaining until a slot frees", async () => {
      const limiter = await setup(LONG_WINDOW_MS);
      const decisions = await hits(limiter, freshKey(), 5, 7);
      expect(decisions.map((d) => [d.allowed, d.limit, d.remaining])).toEqual([
        [true, 5, 4],
        [true, 5, 3],
        [true, 5, 2],
        [true, 5, 1],
        [true, 5, 0],
        [false, 5, 0],
        [false, 5, 0],
      ]);
      for (const decision of decisions) {
        expect(decision.resetMs).toBeGreaterThan(0);
        expect(decision.resetMs).toBeLessThanOrEqual(LONG_WINDOW_MS);
      }
    });

    it("keeps keys independent", async () => {
      const limiter = await setup(LONG_WINDOW_MS);
      const [a, b] = [freshKey(), freshKey()];
      await hits(limiter, a, 2, 2);
      expect((await limiter.hit(a, 2)).allowed).toBe(false);
      expect(await limiter.hit(b, 2)).toMatchObject({ allowed: true, remaining: 1 });
    });

    it("refuses everything under a limit of 0", async () => {
      const limiter = await setup(LONG_WINDOW_MS);
      expect(await limiter.hit(freshKey(), 0)).toMatchObject({ allowed: false, limit: 0, remaining: 0 });
    });

    it("lets a key back in once its hits age out of the window", async () => {
      const limiter = await setup(SHORT_WINDOW_MS);
      const key = freshKey();
      await hits(limiter, key, 2, 2);
      const refused = await limiter.hit(key, 2);
      expect(refused.allowed).toBe(false);
      await sleep(refused.resetMs + SLACK_MS);
      expect(await limiter.hit(key, 2)).toMatchObject({ allowed: true, remaining: 1 });
    });

    it("slides: a slot frees when the oldest hit leaves, not when a fixed window restarts", async () => {
      const limiter = await setup(SHORT_WINDOW_MS);
      const key = freshKey();
      expect((await limiter.hit(key, 2)).allowed).toBe(true);
      await sleep(SHORT_WINDOW_MS / 2);
      expect((await limiter.hit(key, 2)).allowed).toBe(true);
      const refused = await limiter.hit(key, 2);
      expect(refused.allowed).toBe(false);
      // The first hit is half a window old: its slot comes back in (at most) the other half.
      expect(refused.resetMs).toBeLessThanOrEqual(SHORT_WINDOW_MS / 2 + SLACK_MS);
      await sleep(refused.resetMs + SLACK_MS);
      // Only the first hit's slot is back: the second still counts for a while.
      expect(await limiter.hit(key, 2)).toMatchObject({ allowed: true, remaining: 0 });
      expect((await limiter.hit(key, 2)).allowed).toBe(false);
    });

    it("does not count refused hits, so hammering does not extend the penalty", async () => {
      const limiter = await setup(SHORT_WINDOW_MS);
      const key = freshKey();
      await hits(limiter, key, 2, 2);
      const first = await limiter.hit(key, 2);
      const freedAt = Date.now() + first.resetMs;
      let previous = first;
      while (Date.now() < freedAt - SLACK_MS) {
        const refused = await limiter.hit(key, 2);
        expect(refused.allowed).toBe(false);
        expect(refused.resetMs).toBeLessThanOrEqual(previous.resetMs);
        previous = refused;
        await sleep(20);
      }
      await sleep(Math.max(0, freedAt - Date.now()) + SLACK_MS);
      expect((await limiter.hit(key, 2)).allowed).toBe(true);
    });

    it("allows exactly the limit among concurrent hits", async () => {
      const limiter = await setup(LONG_WINDOW_MS);
      const key = freshKey();
      const decisions = await Promise.all(Array.from({ length: 50 }, () => limiter.hit(key, 20)));
      expect(decisions.filter((d) => d.allowed)).toHaveLength(20);
      expect(decisions.filter((d) => !d.allowed).every((d) => d.remaining === 0)).toBe(true);
    });
  });
}
