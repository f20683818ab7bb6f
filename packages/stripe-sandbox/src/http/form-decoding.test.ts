import { describe, expect, it } from "vitest";
import { decodeForm, FormDecodingError } from "./form-decoding.js";

describe("form decoding", () => {
  it("nests bracket keys the way Stripe's clients send them", () => {
    const form = decodeForm(
      "amount=2000&metadata[userId]=u%201&metadata[note]=a+b&transfer_data[destination]=acct_1&expand[0]=latest_charge&expand[1]=customer",
    );
    expect(JSON.parse(JSON.stringify(form))).toEqual({
      amount: "2000",
      metadata: { userId: "u 1", note: "a b" },
      transfer_data: { destination: "acct_1" },
      expand: { "0": "latest_charge", "1": "customer" },
    });
  });

  it("collects `key[]` into a list, as curl examples send it", () => {
    expect(JSON.parse(JSON.stringify(decodeForm("expand[]=a&expand[]=b")))).toEqual({ expand: ["a", "b"] });
  });

  it("keeps the last of repeated keys and treats a bare key as empty", () => {
    expect(JSON.parse(JSON.stringify(decodeForm("a=1&a=2&b")))).toEqual({ a: "2", b: "" });
  });

  it("treats __proto__ as a plain key", () => {
    const form = decodeForm("__proto__[polluted]=yes");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(form)).toEqual(["__proto__"]);
  });

  it.each([
    ["a[b=1", "an open bracket"],
    ["a]=1", "a stray bracket"],
    ["a=1&a[b]=2", "a value then a hash"],
    ["a[b]=1&a=2", "a hash then a value"],
    ["a[][b]=1", "a list that is not last"],
    ["a=%zz", "a broken escape"],
    [`a${"[b]".repeat(9)}=1`, "nesting past eight levels"],
  ])("refuses %s (%s)", (encoded) => {
    expect(() => decodeForm(encoded)).toThrow(FormDecodingError);
  });
});
