import { describe, expect, it } from "vitest";
import { highlightsOf, SNIPPET_LENGTH } from "./highlights.js";
import type { SearchDocument } from "./search.record.js";

const doc: SearchDocument = {
  vendorId: "v1",
  name: "Taco Loco",
  cuisines: ["tacos", "tex-mex"],
  description: `${"Family recipes from Oaxaca. ".repeat(8)}Our tacos al pastor are famous.`,
  menu: [
    { name: "Jalapeño Poppers", description: null },
    { name: "Elote", description: "Street corn, no tacos here" },
  ],
};

const marked = (text: string, ranges: { start: number; length: number }[]) =>
  ranges.map((r) => text.slice(r.start, r.start + r.length));

describe("highlights", () => {
  it("says which texts matched and where, most important field first", () => {
    const highlights = highlightsOf(doc, ["taco"]);
    expect(highlights.map((h) => h.field)).toEqual([
      "NAME",
      "CUISINE",
      "MENU_ITEM_DESCRIPTION",
      "DESCRIPTION",
    ]);
    for (const h of highlights)
      expect(marked(h.text, h.ranges).map((w) => w.toLowerCase())).toContain(
        h.field === "NAME" ? "taco" : "tacos",
      );
  });

  it("matches whole words before the last and diacritics-free", () => {
    expect(highlightsOf(doc, ["taco", "loco"]).map((h) => h.field)).toEqual(["NAME"]);
    const [popper] = highlightsOf(doc, ["jalapeno"]);
    expect(popper).toEqual({
      field: "MENU_ITEM",
      text: "Jalapeño Poppers",
      ranges: [{ start: 0, length: 8 }],
    });
  });

  it("cuts a long description around its first match", () => {
    const description = highlightsOf(doc, ["pastor"]).find((h) => h.field === "DESCRIPTION");
    expect(description?.text.startsWith("…")).toBe(true);
    expect(description?.text.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 2);
    expect(marked(description?.text ?? "", description?.ranges ?? [])).toEqual(["pastor"]);
  });
});
