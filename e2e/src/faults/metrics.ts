import { parseSamples, type Stack, sampleSum } from "@venta/testing";

/** What one service's `/metrics` says now: the sum of the samples named `name` carrying `labels`. */
export async function metric(
  stack: Stack,
  service: keyof Stack["urls"],
  name: string,
  labels: Record<string, string> = {},
): Promise<number> {
  const response = await fetch(`${stack.urls[service]}/metrics`);
  if (response.status !== 200) throw new Error(`${service} /metrics answered ${response.status}`);
  return sampleSum(parseSamples(await response.text()), name, labels);
}

/** The router's failed fetches to `subgraph` so far (refused, timed out or answered 5xx). */
export const failedFetches = (stack: Stack, subgraph: string) =>
  metric(stack, "router", "venta_router_subgraph_fetch_duration_seconds_count", {
    subgraph,
    outcome: "error",
  });
