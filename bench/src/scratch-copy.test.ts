import { describe, expect, it } from "vitest";
import { scratchDirFor, scratchOwner } from "./scratch-copy.js";

describe("scratch copies", () => {
  it("sit beside their data set, named by the bench process that owns them", () => {
    const dir = scratchDirFor("/repo/bench/.data/100000-2026", 4242, 3);
    expect(dir).toBe("/repo/bench/.data/100000-2026.scratch-4242-3");
    expect(scratchOwner("100000-2026.scratch-4242-3")).toBe(4242);
  });

  it("are never mistaken for a data set", () => {
    expect(scratchOwner("100000-2026")).toBeUndefined();
    expect(scratchOwner("100000-2026.scratch-x-1")).toBeUndefined();
  });
});
