import { trace } from "@opentelemetry/api";
import { node, tracing } from "@opentelemetry/sdk-node";
import { beforeAll, describe, expect, it } from "vitest";
import { traceStore, traceStores } from "./store-tracing.js";
import { markTracingStarted } from "./tracing-state.js";

class ReviewsStore {
  readonly #rows = new Map<string, string>([["r-1", "great tacos"]]);
  async byId(id: string): Promise<string | undefined> {
    return this.#rows.get(id);
  }
  count(): number {
    return this.#rows.size;
  }
  async broken(): Promise<never> {
    throw new Error("disk full");
  }
}

const exporter = new tracing.InMemorySpanExporter();

describe("store spans", () => {
  it("leaves stores untouched while tracing is off", () => {
    const stores = { reviews: new ReviewsStore() };
    expect(traceStores(stores)).toBe(stores);
  });

  describe("with tracing", () => {
    beforeAll(() => {
      const provider = new node.NodeTracerProvider({
        spanProcessors: [new tracing.SimpleSpanProcessor(exporter)],
      });
      provider.register();
      markTracingStarted();
    });

    it("wraps each call in a child span of the request's, keeping results, errors and private state", async () => {
      const ping = async () => {};
      const { reviews, ping: kept } = traceStores({ reviews: new ReviewsStore(), ping });
      expect(kept).toBe(ping);
      const request = await trace.getTracer("test").startActiveSpan("POST /graphql", async (span) => {
        expect(await reviews.byId("r-1")).toBe("great tacos");
        expect(reviews.count()).toBe(1);
        await expect(reviews.broken()).rejects.toThrow("disk full");
        span.end();
        return span.spanContext();
      });
      const spans = exporter.getFinishedSpans().filter((span) => span.name.startsWith("store "));
      expect(spans.map((span) => span.name)).toEqual([
        "store reviews.byId",
        "store reviews.count",
        "store reviews.broken",
      ]);
      for (const span of spans) {
        expect(span.spanContext().traceId).toBe(request.traceId);
        expect(span.parentSpanContext?.spanId).toBe(request.spanId);
      }
      expect(spans[2]?.status.code).toBe(2);
      // Outside any request (a background loop): no span of its own.
      exporter.reset();
      expect(traceStore("reviews", new ReviewsStore()).count()).toBe(1);
      expect(exporter.getFinishedSpans()).toEqual([]);
    });
  });
});
