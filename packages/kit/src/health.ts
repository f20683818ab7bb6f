/** What `/health` reports: overall status plus one entry per dependency that was checked. */
export interface HealthReport {
  status: "ok" | "degraded" | "down";
  service: string;
  checks: Record<string, { status: "ok" | "down"; detail?: string; latencyMs?: number }>;
}

export type HealthCheck = () => Promise<void> | void;

/** Runs every check concurrently with a time limit; any failure makes the service `down`. */
export async function runHealthChecks(
  service: string,
  checks: Record<string, HealthCheck>,
  timeoutMs = 2_000,
): Promise<HealthReport> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      const started = performance.now();
      try {
        await Promise.race([
          Promise.resolve(check()),
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs).unref(),
          ),
        ]);
        return [name, { status: "ok" as const, latencyMs: Math.round(performance.now() - started) }] as const;
      } catch (error) {
        return [
          name,
          { status: "down" as const, detail: error instanceof Error ? error.message : String(error) },
        ] as const;
      }
    }),
  );
  const allOk = entries.every(([, entry]) => entry.status === "ok");
  return { status: allOk ? "ok" : "down", service, checks: Object.fromEntries(entries) };
}
