import { Socket } from "node:net";

/**
 * The Redis that tests use. In CI it must be there: a missing Redis fails the run instead of
 * quietly skipping what needs it. Elsewhere, tests that need it are skipped with a message.
 */
export async function redisForTests(): Promise<string | undefined> {
  const url = localRedisUrl();
  if (await redisReachable(url)) return url;
  if (process.env.CI) throw new Error(`Redis is required in CI but ${url} is not reachable`);
  console.warn(`[skipped] Redis tests: ${url} is not reachable`);
  return undefined;
}

/** The MongoDB that the store contract runs against, when one is configured. */
export function mongoForTests(suite: string): string | undefined {
  const uri = process.env.MONGODB_URI;
  if (!uri) console.warn(`[skipped] ${suite} against MongoDB: MONGODB_URI is not set`);
  return uri || undefined;
}

/** `REDIS_URL`, or the Redis every machine of ours runs on 127.0.0.1. */
export const localRedisUrl = () => process.env.REDIS_URL || "redis://127.0.0.1:6379";

/** Whether something accepts connections at the Redis URL's host and port (within a second). */
export function redisReachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return reachable(hostname, Number(port || 6379));
}

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once("error", () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

/** Drops a throw-away test database. */
export async function dropMongoDatabase(uri: string, dbName: string): Promise<void> {
  const { default: mongoose } = await import("mongoose");
  const connection = await mongoose.createConnection(uri, { dbName }).asPromise();
  await connection.dropDatabase();
  await connection.close();
}

/** Deletes every Redis key under a test's own prefix, so test runs leave nothing behind. */
export async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const { Redis } = await import("ioredis");
  const redis = new Redis(url);
  try {
    const keys: string[] = [];
    for await (const batch of redis.scanStream({ match: `${prefix}*`, count: 500 }) as AsyncIterable<
      string[]
    >) {
      keys.push(...batch);
    }
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
