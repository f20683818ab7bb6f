import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "@venta/kit";
import { channelsOf, type LiveFeed, LiveHub, type LiveUpdate } from "@venta/live";
import { buildSchema, type ExecutionArgs, type ExecutionResult, graphql, parse } from "graphql";
import { beforeEach, describe, expect, it } from "vitest";
import { LiveFanout } from "./live-fanout.js";
import { liveGroupKey } from "./live-group-key.js";
import { liveFieldResolver, liveSchema } from "./live-schema.js";
import { type SupergraphResult, VendorLoader } from "./vendor-loader.js";

/** A feed in memory: an update published reaches the hub at once, on the channels it listens to. */
class MemoryFeed implements LiveFeed {
  private readonly handlers: ((update: LiveUpdate) => void)[] = [];
  private readonly listened = new Set<string>();
  async publish(updates: readonly LiveUpdate[]) {
    for (const update of updates)
      if (channelsOf(update).some((channel) => this.listened.has(channel)))
        for (const handler of this.handlers) handler(update);
  }
  async listen(channel: string) {
    this.listened.add(channel);
  }
  async unlisten(channel: string) {
    this.listened.delete(channel);
  }
  onUpdate(handler: (update: LiveUpdate) => void) {
    this.handlers.push(handler);
  }
  async close() {}
}

const apiSchema = buildSchema(readFileSync(join(repoRoot(), "schema", "api.graphql"), "utf8"));
/** Vendors as marketplace would answer them; this one's name cannot be read. */
const BROKEN = "v-broken";
const supergraphVendor = (id: string) => ({
  id,
  slug: `slug-${id}`,
  name: () => {
    if (id === BROKEN) throw new Error("marketplace is unavailable");
    return `Vendor ${id}`;
  },
});

const WEST = { south: 30.25, west: -97.76, north: 30.28, east: -97.745 };
const EAST = { south: 30.25, west: -97.745, north: 30.28, east: -97.73 };
const inWest = { lat: 30.26, lng: -97.75 };
const inEast = { lat: 30.26, lng: -97.74 };

const BY_BOX = `subscription Live($box: BoundingBoxInput!) {
  vendorLocationUpdated(within: $box) { kind vendor { id name } location { point { lat lng } } }
}`;

let feed: MemoryFeed;
let fanout: LiveFanout;
let executions: number;
let supergraphRequests: string[];
let schema: ReturnType<typeof liveSchema>;

beforeEach(() => {
  feed = new MemoryFeed();
  executions = 0;
  supergraphRequests = [];
  fanout = new LiveFanout({ onExecute: () => (executions += 1), deliveriesPerTurn: 2 });
  const vendors = new VendorLoader(async (query, variables): Promise<SupergraphResult> => {
    supergraphRequests.push(query);
    return (await graphql({
      schema: apiSchema,
      source: query,
      variableValues: variables,
      rootValue: { vendorsByIds: ({ ids }: { ids: string[] }) => ids.map(supergraphVendor) },
    })) as SupergraphResult;
  });
  schema = liveSchema(apiSchema, new LiveHub(feed), vendors, 120);
});

const argsFor = (query: string, variableValues: Record<string, unknown>): ExecutionArgs => ({
  schema,
  document: parse(query),
  variableValues,
  fieldResolver: liveFieldResolver,
});

async function subscribe(query: string, variables: Record<string, unknown>, rights = "anonymous") {
  const stream = await fanout.subscribe(argsFor(query, variables), rights);
  if (!(Symbol.asyncIterator in stream)) throw new Error(`not subscribed: ${JSON.stringify(stream)}`);
  return stream;
}

let updates = 0;
const move = (
  vendorId: string,
  to: { lat: number; lng: number },
  from: { lat: number; lng: number } | null,
): LiveUpdate => {
  updates += 1;
  return {
    id: `u${updates}`,
    type: "moved",
    vendorId,
    position: { ...to, accuracyMeters: null, heading: null, recordedAt: new Date().toISOString() },
    previous: from,
  };
};

const eventOf = (result: ExecutionResult) => result.data?.vendorLocationUpdated as Record<string, unknown>;

describe("live events executed once per group of alike subscribers", () => {
  it("executes an update once for subscribers with the same selection, whatever their areas, and hands them the same result", async () => {
    const west = await subscribe(BY_BOX, { box: WEST });
    const wide = await subscribe(BY_BOX, { box: { ...WEST, east: EAST.east } });
    const [a, b] = [west.next(), wide.next()];
    await feed.publish([move("v1", inWest, inWest)]);
    const [ra, rb] = [(await a).value as ExecutionResult, (await b).value as ExecutionResult];
    expect(ra).toBe(rb);
    expect(eventOf(ra)).toMatchObject({ kind: "MOVED", vendor: { id: "v1", name: "Vendor v1" } });
    expect(fanout.groupCount).toBe(1);
    expect(executions).toBe(1);
    expect(supergraphRequests).toHaveLength(1);
  });

  it("gives each subscriber the kind its own area makes of the update", async () => {
    const west = await subscribe(BY_BOX, { box: WEST });
    const east = await subscribe(BY_BOX, { box: EAST });
    const [left, entered] = [west.next(), east.next()];
    await feed.publish([move("v1", inEast, inWest)]);
    expect(eventOf((await left).value as ExecutionResult).kind).toBe("LEFT");
    expect(eventOf((await entered).value as ExecutionResult).kind).toBe("ENTERED");
    expect(fanout.groupCount).toBe(1);
    // One execution per kind, and one supergraph request for both: they resolve in the same tick.
    expect(executions).toBe(2);
    expect(supergraphRequests).toHaveLength(1);
  });

  it("executes apart subscriptions whose aliases differ, each in its own shape", async () => {
    const named = await subscribe(BY_BOX, { box: WEST });
    const titled = await subscribe(
      `subscription Live($box: BoundingBoxInput!) { vendorLocationUpdated(within: $box) { kind vendor { id title: name } } }`,
      { box: WEST },
    );
    const [a, b] = [named.next(), titled.next()];
    await feed.publish([move("v1", inWest, inWest)]);
    expect(eventOf((await a).value as ExecutionResult).vendor).toEqual({ id: "v1", name: "Vendor v1" });
    expect(eventOf((await b).value as ExecutionResult).vendor).toEqual({ id: "v1", title: "Vendor v1" });
    expect(fanout.groupCount).toBe(2);
    expect(executions).toBe(2);
  });

  it("executes apart subscriptions whose other variables differ, and shares fragments' results", async () => {
    const query = `subscription Live($box: BoundingBoxInput!, $withSlug: Boolean!) {
      vendorLocationUpdated(within: $box) { ...Event }
    }
    fragment Event on VendorLocationEvent { kind vendor { id slug @include(if: $withSlug) } }`;
    const withSlug = await subscribe(query, { box: WEST, withSlug: true });
    const alsoWithSlug = await subscribe(query, { box: EAST, withSlug: true });
    const without = await subscribe(query, { box: WEST, withSlug: false });
    expect(fanout.groupCount).toBe(2);
    const [a, b] = [withSlug.next(), without.next()];
    await feed.publish([move("v1", inWest, inWest)]);
    expect(eventOf((await a).value as ExecutionResult).vendor).toEqual({ id: "v1", slug: "slug-v1" });
    expect(eventOf((await b).value as ExecutionResult).vendor).toEqual({ id: "v1" });
    await alsoWithSlug.return();
  });

  it("executes apart subscribers whose results are computed with different rights", async () => {
    await subscribe(BY_BOX, { box: WEST }, "viewer-a");
    await subscribe(BY_BOX, { box: WEST }, "viewer-b");
    await subscribe(BY_BOX, { box: EAST }, "viewer-a");
    expect(fanout.groupCount).toBe(2);
  });

  it("sends a vendor's errors only to the group whose selection failed", async () => {
    const named = await subscribe(BY_BOX, { box: WEST });
    const idOnly = await subscribe(
      `subscription Ids($box: BoundingBoxInput!) { vendorLocationUpdated(within: $box) { kind vendor { id } } }`,
      { box: WEST },
    );
    const [a, b] = [named.next(), idOnly.next()];
    await feed.publish([move(BROKEN, inWest, inWest)]);
    const failed = (await a).value as ExecutionResult;
    const fine = (await b).value as ExecutionResult;
    expect(failed.errors?.[0]?.message).toBe("marketplace is unavailable");
    expect(fine.errors).toBeUndefined();
    expect(eventOf(fine).vendor).toEqual({ id: BROKEN });
  });

  it("fetches the vendors of one tick's events with one supergraph request per distinct selection", async () => {
    const west = await subscribe(BY_BOX, { box: WEST });
    const east = await subscribe(BY_BOX, { box: EAST });
    const titled = await subscribe(
      `subscription T($box: BoundingBoxInput!) { vendorLocationUpdated(within: $box) { vendor { title: name } } }`,
      { box: EAST },
    );
    const pending = [west.next(), east.next(), titled.next()];
    await feed.publish([move("v1", inWest, inWest), move("v2", inEast, inEast)]);
    const results = await Promise.all(pending);
    expect(results.map((r) => (eventOf(r.value as ExecutionResult).vendor as { id?: string }).id)).toEqual([
      "v1",
      "v2",
      undefined,
    ]);
    expect(supergraphRequests).toHaveLength(2);
  });

  it("forgets a group once its last subscriber leaves, and stops its subscriptions in the hub", async () => {
    const one = await subscribe(BY_BOX, { box: WEST });
    const two = await subscribe(BY_BOX, { box: EAST });
    const waiting = one.next();
    await one.return();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(fanout.groupCount).toBe(1);
    await two.return();
    expect(fanout.groupCount).toBe(0);
  });

  it("answers a subscription whose area is refused with the error, as graphql-js would", async () => {
    const refused = await fanout.subscribe(argsFor(BY_BOX, { box: { ...WEST, north: 40 } }), "anonymous");
    expect(Symbol.asyncIterator in refused).toBe(false);
    expect((refused as ExecutionResult).errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect(fanout.groupCount).toBe(0);
  });
});

describe("the group key", () => {
  const key = (query: string, variables: Record<string, unknown> = {}) =>
    liveGroupKey(argsFor(query, variables), "anonymous");

  it("leaves out the area, given inline or by variables", () => {
    const inline = (lat: number) =>
      `subscription { vendorLocationUpdated(near: { lat: ${lat}, lng: -97.7 }, radiusMeters: 500) { kind } }`;
    expect(key(inline(30.1))).toBe(key(inline(30.2)));
    expect(key(BY_BOX, { box: WEST })).toBe(key(BY_BOX, { box: EAST }));
  });

  it("keeps the selection, the operation's name and the variables the selection reads", () => {
    const byBox = key(BY_BOX, { box: WEST });
    expect(key(BY_BOX.replace("Live", "Other"), { box: WEST })).not.toBe(byBox);
    expect(key(BY_BOX.replace("name", "slug"), { box: WEST })).not.toBe(byBox);
    const reads = (flag: boolean) =>
      key(
        `subscription ($box: BoundingBoxInput!, $f: Boolean!) { vendorLocationUpdated(within: $box) { kind @include(if: $f) } }`,
        { box: WEST, f: flag },
      );
    expect(reads(true)).not.toBe(reads(false));
  });
});
