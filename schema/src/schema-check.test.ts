import { composeServices } from "@apollo/composition";
import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { checkSchemaChange, type SchemaCheckReport } from "./schema-check.js";

const link = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@inaccessible"])`;

/** A supergraph from one tiny subgraph: fixtures stay readable and are real composition output. */
function supergraph(typeDefs: string): string {
  const result = composeServices([
    { name: "fixture", url: "http://127.0.0.1:1/graphql", typeDefs: parse(`${link}\n${typeDefs}`) },
  ]);
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join("\n"));
  return result.supergraphSdl;
}

const fixture = `
  type Query {
    vendor(id: ID!, legacyKey: String @deprecated(reason: "use id")): Vendor
    vendors(filter: VendorFilter): [Vendor!]!
    legacyStall: Stall @deprecated(reason: "stalls are vendors now")
  }
  type Vendor @key(fields: "id") {
    id: ID!
    name: String!
    rating: Int
    nickname: String @deprecated(reason: "use name")
    internalNote: String @inaccessible
    cuisine: Cuisine!
  }
  type Stall { number: Int, neighbour: Stall }
  enum Cuisine { TACOS BBQ CREPES @deprecated(reason: "no longer offered") }
  input VendorFilter { cuisine: Cuisine, open: Boolean @deprecated(reason: "every listed vendor is open") }
`;
const baseline = supergraph(fixture);

/** The baseline with text replaced: each test names exactly what it changes. */
function edited(...edits: [string, string][]): string {
  let sdl = fixture;
  for (const [from, to] of edits) {
    if (!sdl.includes(from)) throw new Error(`fixture has no ${from}`);
    sdl = sdl.replace(from, to);
  }
  return supergraph(sdl);
}

const paths = (changes: SchemaCheckReport["changes"]) => changes.map((change) => change.path);

describe("checkSchemaChange", () => {
  it("reports nothing when the supergraph is unchanged", async () => {
    const report = await checkSchemaChange(baseline, edited());
    expect(report).toEqual({ changes: [], allowedBreaking: [], blocking: [], passed: true });
  });

  it("passes an added field as a safe change", async () => {
    const report = await checkSchemaChange(
      baseline,
      edited(["rating: Int", "rating: Int\n    phone: String"]),
    );
    expect(report.changes).toEqual([expect.objectContaining({ criticality: "safe", path: "Vendor.phone" })]);
    expect(report.passed).toBe(true);
  });

  it("fails when a field that was not deprecated is removed, and names it", async () => {
    const report = await checkSchemaChange(baseline, edited(["rating: Int", ""]));
    expect(report.passed).toBe(false);
    expect(report.blocking).toEqual([
      expect.objectContaining({ criticality: "breaking", type: "FIELD_REMOVED", path: "Vendor.rating" }),
    ]);
    expect(report.blocking[0]?.message).toContain("rating");
  });

  it("passes the removal of a field the baseline deprecated, still reporting it as breaking", async () => {
    const report = await checkSchemaChange(
      baseline,
      edited(['nickname: String @deprecated(reason: "use name")', ""]),
    );
    expect(report.changes).toEqual([
      expect.objectContaining({ criticality: "breaking", path: "Vendor.nickname", allowed: true }),
    ]);
    expect(paths(report.allowedBreaking)).toEqual(["Vendor.nickname"]);
    expect(report.passed).toBe(true);
  });

  it("fails when a field's type changes incompatibly", async () => {
    const report = await checkSchemaChange(baseline, edited(["rating: Int", "rating: String"]));
    expect(report.blocking).toEqual([
      expect.objectContaining({ type: "FIELD_TYPE_CHANGED", path: "Vendor.rating" }),
    ]);
    expect(report.passed).toBe(false);
  });

  it("fails a type change on a deprecated field: deprecation promises removal, not a new shape", async () => {
    const report = await checkSchemaChange(
      baseline,
      edited([
        'nickname: String @deprecated(reason: "use name")',
        'nickname: Int @deprecated(reason: "use name")',
      ]),
    );
    expect(paths(report.blocking)).toEqual(["Vendor.nickname"]);
  });

  it("passes the removal of a deprecated enum value and fails a non-deprecated one", async () => {
    const deprecatedGone = await checkSchemaChange(
      baseline,
      edited(['CREPES @deprecated(reason: "no longer offered")', ""]),
    );
    expect(paths(deprecatedGone.allowedBreaking)).toEqual(["Cuisine.CREPES"]);
    expect(deprecatedGone.passed).toBe(true);

    const liveGone = await checkSchemaChange(baseline, edited(["TACOS BBQ", "TACOS"]));
    expect(liveGone.blocking).toEqual([
      expect.objectContaining({ type: "ENUM_VALUE_REMOVED", path: "Cuisine.BBQ" }),
    ]);
    expect(liveGone.passed).toBe(false);
  });

  it("passes the removal of a deprecated argument and a deprecated input field, not of live ones", async () => {
    const deprecatedGone = await checkSchemaChange(
      baseline,
      edited(
        ['legacyKey: String @deprecated(reason: "use id")', ""],
        [', open: Boolean @deprecated(reason: "every listed vendor is open")', ""],
      ),
    );
    expect(paths(deprecatedGone.allowedBreaking).sort()).toEqual([
      "Query.vendor.legacyKey",
      "VendorFilter.open",
    ]);
    expect(deprecatedGone.passed).toBe(true);

    const liveGone = await checkSchemaChange(
      baseline,
      edited(["vendors(filter: VendorFilter)", "vendors"], ["cuisine: Cuisine, open", "open"]),
    );
    expect(paths(liveGone.blocking).sort()).toEqual(["Query.vendors.filter", "VendorFilter.cuisine"]);
  });

  it("passes removing a type together with the deprecated field that was its only way in", async () => {
    const report = await checkSchemaChange(
      baseline,
      edited(
        ['legacyStall: Stall @deprecated(reason: "stalls are vendors now")', ""],
        ["type Stall { number: Int, neighbour: Stall }", ""],
      ),
    );
    expect(paths(report.allowedBreaking).sort()).toEqual(["Query.legacyStall", "Stall"]);
    expect(report.passed).toBe(true);
  });

  it("fails removing a type a live field returned, with that field", async () => {
    const liveStall: [string, string] = [
      'legacyStall: Stall @deprecated(reason: "stalls are vendors now")',
      "stall: Stall",
    ];
    const report = await checkSchemaChange(
      edited(liveStall),
      edited(liveStall, ["stall: Stall", ""], ["type Stall { number: Int, neighbour: Stall }", ""]),
    );
    expect(paths(report.blocking).sort()).toEqual(["Query.stall", "Stall"]);
  });

  it("compares what clients see: an @inaccessible field's removal is no change", async () => {
    const report = await checkSchemaChange(baseline, edited(["internalNote: String @inaccessible", ""]));
    expect(report.changes).toEqual([]);
  });
});
