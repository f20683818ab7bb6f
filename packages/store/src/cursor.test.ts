import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor.js";

describe("cursors", () => {
  it("round-trips values and rejects tampering or another kind", () => {
    const cursor = encodeCursor("nearby", [12.5, "vendor-1"]);
    expect(decodeCursor("nearby", cursor)).toEqual([12.5, "vendor-1"]);
    expect(decodeCursor("vendors", cursor)).toBeNull();
    expect(decodeCursor("nearby", "not a cursor")).toBeNull();
    expect(decodeCursor("nearby", Buffer.from('v1:["nearby",{}]').toString("base64url"))).toBeNull();
  });
});
