import { eventually } from "@venta/testing";

/** A service's `/health/ready` status, or `refused` when nothing answers the connection. */
export async function readiness(baseUrl: string): Promise<number | "refused"> {
  try {
    const response = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(5_000) });
    await response.body?.cancel();
    return response.status;
  } catch {
    return "refused";
  }
}

/** Polls `/health/ready` until it answers `expected`; returns the last answer, for the caller to assert. */
export function readinessBecomes(
  baseUrl: string,
  expected: number | "refused",
  timeoutMs = 15_000,
): Promise<number | "refused"> {
  return eventually(
    () => readiness(baseUrl),
    (status) => status === expected,
    timeoutMs,
  );
}
