import { describe, expect, it } from "vitest";
import { ftsExpression } from "./search.store.sqlite.js";
import { fold, foldedWords, queryTerms, wordsOf } from "./search-terms.js";

const code = (fn: () => unknown) => {
  try {
    fn();
    return "ok";
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
};

describe("query terms", () => {
  it("folds case and diacritics and splits on anything but letters and digits", () => {
    expect(fold("Jalapeño")).toBe("jalapeno");
    expect(queryTerms("  Crème-BRÛLÉE, por favor! ")).toEqual(["creme", "brulee", "por", "favor"]);
    expect(queryTerms('"taco" NEAR(loco) OR -x*')).toEqual(["taco", "near", "loco", "or", "x"]);
    expect(queryTerms("寿司 2go")).toEqual(["寿司", "2go"]);
  });

  it.each(["", "   ", '"', "*", "-", "(*)", "()", "?!.,;:", "\u0301"])(
    "refuses %j, which has no word, with BAD_USER_INPUT",
    (query) => {
      expect(code(() => queryTerms(query))).toBe("BAD_USER_INPUT");
    },
  );

  it("refuses overlong queries", () => {
    expect(code(() => queryTerms("a".repeat(201)))).toBe("BAD_USER_INPUT");
    expect(code(() => queryTerms("a b c d e f g h i"))).toBe("BAD_USER_INPUT");
    expect(code(() => queryTerms("a b c d e f g h"))).toBe("ok");
  });

  it("knows where each word is in the original text", () => {
    expect(wordsOf("Taco-Loco ñ")).toEqual([
      { word: "taco", start: 0, end: 4 },
      { word: "loco", start: 5, end: 9 },
      { word: "n", start: 10, end: 11 },
    ]);
    expect(foldedWords("Taco taco TACO loco")).toEqual(["taco", "loco"]);
    expect(foldedWords(null)).toEqual([]);
  });
});

describe("FTS5 expressions", () => {
  it("quotes every term and makes only the last a prefix", () => {
    expect(ftsExpression(["taco", "lo"])).toBe('"taco" "lo"*');
    expect(ftsExpression(["or"])).toBe('"or"*');
    // Terms never hold quotes (queryTerms drops them), but a quote would still be escaped.
    expect(ftsExpression(['a"b'])).toBe('"a""b"*');
  });
});
