import { metricsRegistry } from "@venta/kit";

/** How many observations the histogram `name` holds so far for the series carrying `labels`. */
export async function histogramCount(name: string, labels: Record<string, string>): Promise<number> {
  const metric = await metricsRegistry.getSingleMetric(name)?.get();
  const count = metric?.values.find(
    (value) =>
      // A histogram's values are its buckets, sum and count, told apart by their metric name.
      "metricName" in value &&
      value.metricName === `${name}_count` &&
      Object.entries(labels).every(([key, wanted]) => value.labels[key] === wanted),
  );
  return count?.value ?? 0;
}
