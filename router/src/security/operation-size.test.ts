import { describe, expect, it } from "vitest";
import { oversizedOperation, oversizedRequest } from "./operation-size.js";

const limits = { maxQueryChars: 1_000, maxListItems: 500 };
const QUERY = "query ($ids: [ID!]) { vendorsByIds(ids: $ids) { id } }";
const refusal = (variables: unknown) => oversizedOperation(limits, QUERY, variables)?.message ?? null;

describe("the checks made before an operation is parsed", () => {
  it("lets through a batch as large as any the API takes", () => {
    const reports = Array.from({ length: 500 }, (_, i) => ({
      vendorId: `v${i}`,
      lat: 30.27,
      lng: -97.74,
      accuracyMeters: 5,
      heading: 90,
      recordedAt: "2026-03-02T18:00:00Z",
    }));
    expect(refusal({ inputs: reports })).toBeNull();
  });

  it("refuses a list longer than the limit, at any depth", () => {
    expect(refusal({ ids: Array.from({ length: 501 }, () => "v") })).toBe(
      "a list in the variables holds at most 500 items",
    );
    expect(refusal({ input: { nested: [{ ids: Array.from({ length: 501 }, () => "v") }] } })).toBe(
      "a list in the variables holds at most 500 items",
    );
  });

  it("refuses nesting deeper than any input type, without overflowing the stack", () => {
    let deep: unknown = "v";
    for (let level = 0; level < 100_000; level += 1) deep = [deep];
    expect(refusal({ ids: deep })).toBe("variables nest at most 16 levels deep");
  });

  it("refuses an object with more fields than any input type", () => {
    const wide = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`f${i}`, i]));
    expect(refusal({ input: wide })).toBe("an object in the variables holds at most 100 fields");
  });

  it("refuses more values in all than the largest batch holds, however they are spread", () => {
    const spread = Array.from({ length: 30 }, () => Array.from({ length: 400 }, () => "v"));
    expect(refusal({ ids: spread })).toBe("the variables hold at most 10000 values");
  });

  it("refuses query text over the length limit as QUERY_TOO_COMPLEX", () => {
    const refused = oversizedOperation(limits, `${QUERY}${" ".repeat(1_000)}`, {});
    expect(refused?.extensions).toEqual({ code: "QUERY_TOO_COMPLEX", limit: "LENGTH" });
  });

  it("leaves a body of another shape for Apollo to refuse", () => {
    const check = oversizedRequest(limits);
    const post = (body: unknown) => check({ body, search: "" });
    expect(post([{ query: QUERY }])).toBeNull();
    expect(post("query")).toBeNull();
    expect(post({ query: 42, variables: { ids: ["v1"] } })).toBeNull();
    expect(post({ query: QUERY, variables: { ids: Array.from({ length: 501 }, () => "v") } })).toMatchObject({
      status: 400,
      error: { extensions: { code: "BAD_USER_INPUT" } },
    });
  });

  it("checks a GET request's query and variables parameters the same way", () => {
    const check = oversizedRequest(limits);
    const get = (params: Record<string, string>) =>
      check({ body: undefined, search: `?${new URLSearchParams(params)}` });
    const many = JSON.stringify({ ids: Array.from({ length: 501 }, () => "v") });
    expect(get({ query: QUERY, variables: JSON.stringify({ ids: ["v1"] }) })).toBeNull();
    expect(get({ query: `${QUERY}${" ".repeat(1_000)}` })).toMatchObject({
      error: { extensions: { code: "QUERY_TOO_COMPLEX" } },
    });
    expect(get({ query: QUERY, variables: many })).toMatchObject({
      error: { extensions: { code: "BAD_USER_INPUT" } },
    });
  });
});
