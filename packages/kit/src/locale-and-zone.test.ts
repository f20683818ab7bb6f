import { describe, expect, it } from "vitest";
import { validLocale, validTimeZone } from "./locale-and-zone.js";

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { extensions?: { code?: string; field?: string } }).extensions;
  }
  return "accepted";
};

describe("locale and time zone input", () => {
  it("canonicalises BCP 47 locales and refuses malformed ones", () => {
    expect(validLocale("en-us")).toBe("en-US");
    expect(validLocale(" es-419 ")).toBe("es-419");
    expect(validLocale("zh-hant-tw")).toBe("zh-Hant-TW");
    for (const bad of ["english", "en_US", "e", "en-US-", "12-34"])
      expect(refusal(() => validLocale(bad))).toEqual({ code: "BAD_USER_INPUT", field: "locale" });
  });

  it("takes IANA time zones only, named as the runtime names them", () => {
    expect(validTimeZone("America/Chicago")).toBe("America/Chicago");
    expect(validTimeZone("america/chicago")).toBe("America/Chicago");
    expect(validTimeZone("UTC")).toBe("UTC");
    for (const bad of ["Mars/Olympus_Mons", "+02:00", "-05:00", "CST6CDT/x", "America/"])
      expect(refusal(() => validTimeZone(bad))).toEqual({ code: "BAD_USER_INPUT", field: "timeZone" });
  });

  it("treats empty as none", () => {
    for (const none of [null, "", "   "]) {
      expect(validLocale(none)).toBeNull();
      expect(validTimeZone(none)).toBeNull();
    }
  });

  it("names the caller's field in the error", () => {
    expect(refusal(() => validLocale("english", "input.locale"))).toEqual({
      code: "BAD_USER_INPUT",
      field: "input.locale",
    });
    expect(refusal(() => validTimeZone("+02:00", "input.timeZone"))).toEqual({
      code: "BAD_USER_INPUT",
      field: "input.timeZone",
    });
  });
});
