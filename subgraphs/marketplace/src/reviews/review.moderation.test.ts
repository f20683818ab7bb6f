import { describe, expect, it } from "vitest";
import { blockedWordsPattern, containsLink, DEFAULT_BLOCKED_WORDS, flagsOf } from "./review.moderation.js";

describe("automatic review moderation", () => {
  const blocked = blockedWordsPattern(["shit", "rip off", "c++"]);

  it.each([
    ["SHIT! never again", true],
    ["what a (shit) day", true],
    ["total Rip   Off, avoid", true],
    ["I code in C++ all day", true],
    ["shitake mushrooms were great", false],
    ["bullshit", false],
    ["ripoff prices", false],
    ["Great tacos", false],
  ])("blocked words in %j: %s (whole words, any case)", (text, expected) => {
    expect(blocked?.test(text)).toBe(expected);
  });

  it("treats letters beyond ASCII as part of a word", () => {
    const pattern = blockedWordsPattern(["café"]);
    expect(pattern?.test("Le Café!")).toBe(true);
    expect(pattern?.test("cafés")).toBe(false);
    expect(blockedWordsPattern(["shit"])?.test("shitè")).toBe(false);
  });

  it("has no pattern for an empty list, and a default list that works", () => {
    expect(blockedWordsPattern([])).toBeNull();
    expect(blockedWordsPattern(["  "])).toBeNull();
    expect(blockedWordsPattern(DEFAULT_BLOCKED_WORDS)?.test("Fuck this")).toBe(true);
  });

  it.each([
    ["see https://example.com/menu", true],
    ["http://x.y", true],
    ["visit www.tacos.example for coupons", true],
    ["WWW.TACOS.EXAMPLE", true],
    ["mail me at joe.bloggs+tacos@example.co.uk", true],
    ["the taco was 5/5, 10 out of 10", false],
    ["met @chef at the truck", false],
    ["e.g. the salsa. Wow.", false],
  ])("links in %j: %s", (text, expected) => {
    expect(containsLink(text)).toBe(expected);
  });

  it("lists every flag that applies, in a stable order", () => {
    expect(flagsOf("shit, see www.x.example", blocked, true)).toEqual(["BLOCKED_WORD", "LINK", "BURST"]);
    expect(flagsOf("lovely", blocked, false)).toEqual([]);
    expect(flagsOf("lovely", null, true)).toEqual(["BURST"]);
  });
});
