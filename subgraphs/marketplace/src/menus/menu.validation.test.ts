import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import {
  validCurrency,
  validDietaryTags,
  validItemDescription,
  validMenuName,
  validPhotoUrl,
  validPriceMinor,
} from "./menu.validation.js";

/** The field a BAD_USER_INPUT names, or "accepted". */
function fieldOf(check: () => unknown): unknown {
  try {
    check();
    return "accepted";
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === "BAD_USER_INPUT")
      return error.extensions.field;
    throw error;
  }
}

describe("menu input rules", () => {
  it("takes names of 1 to 80 characters, trimmed and with spaces collapsed", () => {
    expect(validMenuName("  Breakfast   Tacos ")).toBe("Breakfast Tacos");
    expect(validMenuName("x".repeat(80))).toHaveLength(80);
    expect(fieldOf(() => validMenuName("   "))).toBe("name");
    expect(fieldOf(() => validMenuName("x".repeat(81)))).toBe("name");
  });

  it("takes prices as whole minor units, 0 or more", () => {
    expect(validPriceMinor(0)).toBe(0);
    expect(validPriceMinor(1250)).toBe(1250);
    for (const bad of [-1, 12.5, Number.NaN, 2 ** 31])
      expect(
        fieldOf(() => validPriceMinor(bad)),
        String(bad),
      ).toBe("priceMinor");
  });

  it("takes ISO 4217 codes exactly as written by the standard", () => {
    for (const code of ["USD", "EUR", "MXN", "JPY", "GBP"]) expect(validCurrency(code)).toBe(code);
    for (const bad of ["usd", "Usd", "US", "USDT", "ABC", "XXX", "XAU", " USD", ""])
      expect(
        fieldOf(() => validCurrency(bad)),
        bad,
      ).toBe("currency");
  });

  it("keeps dietary tags from the list, once each, in order", () => {
    expect(validDietaryTags(["VEGAN", "SPICY", "VEGAN"])).toEqual(["VEGAN", "SPICY"]);
    expect(fieldOf(() => validDietaryTags(["VEGAN", "PALEO"]))).toBe("dietaryTags");
  });

  it("treats an empty description or photo URL as none", () => {
    expect(validItemDescription("  ")).toBeNull();
    expect(validItemDescription(null)).toBeNull();
    expect(validItemDescription(" Corn tortilla ")).toBe("Corn tortilla");
    expect(fieldOf(() => validItemDescription("x".repeat(501)))).toBe("description");
    expect(validPhotoUrl("")).toBeNull();
    expect(validPhotoUrl(undefined)).toBeNull();
  });

  it("takes only https photo URLs without credentials", () => {
    expect(validPhotoUrl("https://cdn.example.com/tacos/al-pastor.jpg")).toBe(
      "https://cdn.example.com/tacos/al-pastor.jpg",
    );
    for (const bad of [
      "http://cdn.example.com/a.jpg",
      "javascript:alert(1)",
      "data:image/png;base64,AAAA",
      "https://user:secret@cdn.example.com/a.jpg",
      "not a url",
      `https://cdn.example.com/${"a".repeat(2048)}`,
    ])
      expect(
        fieldOf(() => validPhotoUrl(bad)),
        bad,
      ).toBe("photoUrl");
  });
});
