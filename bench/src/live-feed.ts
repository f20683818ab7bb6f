import { localRedisUrl, redisReachable } from "@venta/testing";

/** How live updates travel from location to the router in this run. */
export type LiveFeedChoice =
  | { kind: "redis"; url: string; env: NodeJS.ProcessEnv }
  | { kind: "embedded"; reason: string; env: NodeJS.ProcessEnv };

/**
 * Redis as deployed when it answers; otherwise the embedded feed (a shared file in the data
 * directory), so the figures still come out, labelled as such. An empty `REDIS_URL` is how the
 * services' config reads "unset", which also overrides one inherited from this shell.
 */
export async function chooseLiveFeed(): Promise<LiveFeedChoice> {
  const url = localRedisUrl();
  if (await redisReachable(url)) return { kind: "redis", url, env: { REDIS_URL: url } };
  return {
    kind: "embedded",
    reason: `Redis at ${url} is not reachable: the services ran on the embedded feed (SQLite file in the data set's directory)`,
    env: { REDIS_URL: "" },
  };
}
