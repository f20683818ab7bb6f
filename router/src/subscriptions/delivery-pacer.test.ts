import { describe, expect, it } from "vitest";
import { DeliveryPacer } from "./delivery-pacer.js";

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("pacing deliveries over turns of the event loop", () => {
  it("lets up to its allowance go at once and the rest on later turns, in order", async () => {
    const pacer = new DeliveryPacer(2);
    const delivered: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const turn = pacer.turn();
      if (turn) void turn.then(() => delivered.push(i));
      else delivered.push(i);
    }
    expect(delivered).toEqual([0, 1]);
    expect(pacer.backlog).toBe(3);
    await nextTurn();
    expect(delivered).toEqual([0, 1, 2, 3]);
    await nextTurn();
    expect(delivered).toEqual([0, 1, 2, 3, 4]);
    expect(pacer.backlog).toBe(0);
  });

  it("lets I/O callbacks run between chunks", async () => {
    const pacer = new DeliveryPacer(1);
    const order: string[] = [];
    const turns = [0, 1, 2].map((i) => pacer.turn()?.then(() => order.push(`delivery ${i}`)));
    order.push("delivery 0");
    setImmediate(() => order.push("other work"));
    await Promise.all(turns);
    expect(order.indexOf("other work")).toBeLessThan(order.indexOf("delivery 2"));
  });

  it("gives a new turn its full allowance", async () => {
    const pacer = new DeliveryPacer(1);
    expect(pacer.turn()).toBeUndefined();
    await nextTurn();
    await nextTurn();
    expect(pacer.turn()).toBeUndefined();
  });
});
