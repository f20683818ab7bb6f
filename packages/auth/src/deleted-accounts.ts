import { Redis } from "ioredis";

/**
 * The accounts deleted for good, kept where every router can read them on each request. Marketplace
 * records a deletion here before it answers `deleteMyAccount`, so the person's next request is
 * refused by any router without asking marketplace: a signed-in request costs one Redis lookup,
 * beside the rate limit's, instead of a call into marketplace's busy event loop.
 */
export interface DeletedAccounts {
  add(userId: string): Promise<void>;
  has(userId: string): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Kept a year: longer than any token the identity provider issues for an account lives, after
 * which a deleted account cannot sign in anyway (and subgraphs keep their own erasure records).
 */
const KEEP_SECONDS = 365 * 24 * 3600;

export class RedisDeletedAccounts implements DeletedAccounts {
  private readonly redis: Redis;

  constructor(
    redisUrl: string,
    private readonly prefix = "venta:deleted-account:",
  ) {
    this.redis = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 });
  }

  async add(userId: string): Promise<void> {
    await this.redis.set(this.prefix + userId, "1", "EX", KEEP_SECONDS);
  }

  async has(userId: string): Promise<boolean> {
    return (await this.redis.exists(this.prefix + userId)) === 1;
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}
