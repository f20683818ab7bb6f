import { describe, expect, it } from "vitest";
import { keysetAfter } from "./keyset.mongo.js";

describe("keysetAfter", () => {
  const at = new Date("2026-01-01T00:00:00Z");

  it("pages a descending order backwards through time, the id breaking ties", () => {
    expect(keysetAfter({ createdAt: -1, _id: -1 }, { createdAt: at, _id: "b" })).toEqual({
      $or: [{ createdAt: { $lt: at } }, { createdAt: at, _id: { $lt: "b" } }],
    });
  });

  it("pages an ascending order forwards", () => {
    expect(keysetAfter({ updatedAt: 1, _id: 1 }, { updatedAt: at, _id: "b" })).toEqual({
      $or: [{ updatedAt: { $gt: at } }, { updatedAt: at, _id: { $gt: "b" } }],
    });
  });

  it("holds every earlier field equal for each later one", () => {
    expect(
      keysetAfter({ helpful: -1, createdAt: -1, _id: -1 }, { helpful: 3, createdAt: at, _id: "b" }),
    ).toEqual({
      $or: [
        { helpful: { $lt: 3 } },
        { helpful: 3, createdAt: { $lt: at } },
        { helpful: 3, createdAt: at, _id: { $lt: "b" } },
      ],
    });
  });
});
