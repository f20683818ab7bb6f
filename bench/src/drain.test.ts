import { describe, expect, it } from "vitest";
import { type Backlog, consumersBehind, describeBacklog, isEmpty, waitForDrain } from "./drain.js";

const empty: Backlog = { outboxes: { location: 0, marketplace: 0 }, behind: [], unknown: [] };
const busy: Backlog = {
  outboxes: { location: 12, marketplace: 0 },
  behind: [{ consumer: "marketplace.search-index", lag: 300, pending: 2, deadLetters: 0 }],
  unknown: [],
};

describe("waiting for the backlog to drain", () => {
  it("counts outboxes and consumers behind, and names what is left", () => {
    expect(isEmpty(empty)).toBe(true);
    expect(isEmpty(busy)).toBe(false);
    expect(isEmpty({ outboxes: {}, behind: busy.behind, unknown: [] })).toBe(false);
    const silent = { ...empty, unknown: ["communication metrics: fetch failed"] };
    expect(isEmpty(silent)).toBe(false);
    expect(describeBacklog(silent)).toBe("communication metrics: fetch failed");
    expect(describeBacklog(busy)).toBe("location outbox 12; marketplace.search-index lag 300, pending 2");
    expect(describeBacklog(empty)).toBe("nothing left");
    expect(
      consumersBehind([
        { consumer: "a", lag: 0, pending: 0, deadLetters: 4 },
        { consumer: "b", lag: 0, pending: 1, deadLetters: 0 },
      ]).map((c) => c.consumer),
    ).toEqual(["b"]);
  });

  it("returns once the backlog is empty", async () => {
    const looks = [busy, busy, empty];
    const drain = await waitForDrain(async () => looks.shift() ?? empty, 5_000, 1);
    expect(drain.drained).toBe(true);
    expect(drain.backlog).toEqual(empty);
    expect(looks).toHaveLength(0);
  });

  it("gives up after the timeout with what was left", async () => {
    const drain = await waitForDrain(async () => busy, 20, 5);
    expect(drain.drained).toBe(false);
    expect(drain.seconds).toBeGreaterThanOrEqual(0.02);
    expect(drain.backlog).toEqual(busy);
  });
});
