import { describe, expect, it } from "vitest";
import { dateOrNull, epochOrNull, sqlWhere } from "./sql.sqlite.js";

describe("SQLite statement helpers", () => {
  it("joins filter conditions into one WHERE, or none", () => {
    expect(sqlWhere([])).toBe("");
    expect(sqlWhere(["a = 1"])).toBe("WHERE a = 1");
    expect(sqlWhere(["a = 1", "b = @b"])).toBe("WHERE a = 1 AND b = @b");
  });

  it("maps nullable time columns to dates and back", () => {
    expect(dateOrNull(null)).toBeNull();
    expect(dateOrNull(0)).toEqual(new Date(0));
    expect(dateOrNull(1767225600000)?.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(epochOrNull(null)).toBeNull();
    expect(epochOrNull(undefined)).toBeNull();
    expect(epochOrNull(new Date(0))).toBe(0);
  });
});
