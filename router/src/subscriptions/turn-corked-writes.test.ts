import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { corkForThisTurn } from "./turn-corked-writes.js";

/** A stream that records how many chunks each of its writes to the system carried. */
function recordingStream() {
  const writes: number[] = [];
  const stream = new Writable({
    write(_chunk, _encoding, done) {
      writes.push(1);
      done();
    },
    writev(chunks, done) {
      writes.push(chunks.length);
      done();
    },
  });
  return { stream, writes };
}

describe("frames written to one socket in one turn", () => {
  it("leave together once the turn's continuations have run", async () => {
    const { stream, writes } = recordingStream();
    await Promise.resolve().then(async () => {
      for (const frame of ["a", "b", "c"]) {
        corkForThisTurn(stream);
        await Promise.resolve();
        stream.write(frame);
      }
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toEqual([3]);
  });

  it("leave on their own in a later turn", async () => {
    const { stream, writes } = recordingStream();
    for (const frame of ["a", "b"]) {
      await Promise.resolve().then(() => {
        corkForThisTurn(stream);
        stream.write(frame);
      });
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(writes).toEqual([1, 1]);
  });
});
