import { describe, expect, it } from "vitest";
import {
  validAvatarUrl,
  validBio,
  validDietaryTags,
  validFavoriteCuisines,
  validNotifications,
} from "./user-profile.validation.js";

const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { extensions?: { code?: string; field?: string } }).extensions;
  }
  return "accepted";
};

describe("profile validation", () => {
  it("counts a bio in characters people see, up to 280", () => {
    expect(validBio("  Tacos every day  ")).toBe("Tacos every day");
    expect(validBio("   ")).toBeNull();
    expect(validBio(null)).toBeNull();
    expect(validBio("🌮".repeat(280))).toHaveLength(560); // 280 code points, 560 UTF-16 units
    expect(fieldOf(() => validBio("a".repeat(281)))).toEqual({ code: "BAD_USER_INPUT", field: "bio" });
  });

  it("takes only https avatars without credentials", () => {
    expect(validAvatarUrl("https://img.example.com/me.png")).toBe("https://img.example.com/me.png");
    expect(validAvatarUrl("")).toBeNull();
    for (const bad of [
      "http://img.example.com/me.png",
      "javascript:alert(1)",
      "data:image/png;base64,AAAA",
      "//img.example.com/me.png",
      "https://user:pass@img.example.com/me.png",
      "not a url",
      `https://img.example.com/${"a".repeat(2100)}`,
    ])
      expect(fieldOf(() => validAvatarUrl(bad))).toEqual({ code: "BAD_USER_INPUT", field: "avatarUrl" });
  });

  it("lower-cases and de-duplicates favorite cuisines, at most 20", () => {
    expect(validFavoriteCuisines([" Tacos", "tacos", "Ice  Cream"])).toEqual(["tacos", "ice cream"]);
    expect(validFavoriteCuisines([])).toEqual([]);
    const many = Array.from({ length: 21 }, (_, i) => `cuisine ${i}`);
    expect(fieldOf(() => validFavoriteCuisines(many))).toEqual({
      code: "BAD_USER_INPUT",
      field: "favoriteCuisines",
    });
    expect(fieldOf(() => validFavoriteCuisines(["<b>"]))).toEqual({
      code: "BAD_USER_INPUT",
      field: "favoriteCuisines",
    });
  });

  it("knows the dietary tags and refuses a category set twice", () => {
    expect(validDietaryTags(["VEGAN", "VEGAN", "HALAL"])).toEqual(["VEGAN", "HALAL"]);
    expect(fieldOf(() => validDietaryTags(["CARNIVORE"]))).toEqual({
      code: "BAD_USER_INPUT",
      field: "dietaryTags",
    });
    const on = { push: true, email: true, sms: false };
    expect(validNotifications([{ category: "LOYALTY", ...on }])).toEqual({ LOYALTY: on });
    expect(
      fieldOf(() =>
        validNotifications([
          { category: "LOYALTY", ...on },
          { category: "LOYALTY", ...on, push: false },
        ]),
      ),
    ).toEqual({ code: "BAD_USER_INPUT", field: "notifications" });
  });
});
