import { randomUUID } from "node:crypto";
import type { GeofenceTriggered, Outbox } from "@venta/events";
import { destinationPoint, type GeoPoint } from "@venta/geo";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PositionReport } from "../positions/position.record.js";
import type { PositionReports } from "../positions/position-reports.js";
import type { PositionsStore } from "../positions/positions.store.js";
import type { FenceTransition, GeofenceKind, GeofenceRecord, GeofenceShape } from "./geofence.record.js";
import type { GeofencesStore } from "./geofences.store.js";
import { trackingClock } from "./tracking-clock.js";

export interface OpenedGeofencesStore {
  store: GeofencesStore;
  /** The positions the fences are evaluated against, in the same database. */
  positions: PositionsStore;
  /** The position reports' unit of work, whose transactions the fence evaluation joins. */
  reports: PositionReports;
  /** The outbox the store records its events in. */
  outbox: Outbox;
  close(): Promise<void>;
}

const AUSTIN: GeoPoint = { lat: 30.2672, lng: -97.7431 };
const NOW = new Date("2026-03-01T12:00:00Z");
const LIVE_WINDOW_SECONDS = 120;
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
const clockAt = (now: Date) => trackingClock(now, LIVE_WINDOW_SECONDS);
/** A point `meters` from Austin's centre, due east. */
const east = (meters: number) => destinationPoint(AUSTIN, 90, meters);

const circle = (center: GeoPoint, radiusMeters: number): GeofenceShape => ({
  type: "CIRCLE",
  center,
  radiusMeters,
});

/**
 * An L: the square of 0 to 1 km east and north of Austin's centre without its north-east quarter.
 * Its bounding box holds the missing quarter, so only the exact test keeps a vendor there out.
 */
const L_SHAPE: GeofenceShape = {
  type: "POLYGON",
  ring: [
    AUSTIN,
    destinationPoint(AUSTIN, 90, 1000),
    destinationPoint(destinationPoint(AUSTIN, 90, 1000), 0, 500),
    destinationPoint(destinationPoint(AUSTIN, 90, 500), 0, 500),
    destinationPoint(destinationPoint(AUSTIN, 90, 500), 0, 1000),
    destinationPoint(AUSTIN, 0, 1000),
  ],
};
const inLQuarter = (eastMeters: number, northMeters: number) =>
  destinationPoint(destinationPoint(AUSTIN, 90, eastMeters), 0, northMeters);

const fence = (
  kind: GeofenceKind,
  ownerId: string,
  shape: GeofenceShape,
  extra: Partial<GeofenceRecord> = {},
): GeofenceRecord => ({
  id: randomUUID(),
  kind,
  ownerId,
  name: "zone",
  shape,
  roaming: false,
  createdAt: NOW,
  updatedAt: NOW,
  ...extra,
});

const report = (vendorId: string, at: GeoPoint, recordedAt = NOW): PositionReport => ({
  vendorId,
  lat: at.lat,
  lng: at.lng,
  accuracyMeters: 5,
  heading: null,
  recordedAt,
});

/** A crossing in a line that reads well in a failed assertion. */
const line = (t: FenceTransition) => `${t.transition} ${t.vendorId} ${t.fence.id} ${t.cause}`;

/** The behaviour every geofences store must show; each adapter's test file runs it. */
export function geofencesStoreContract(adapter: string, open: () => Promise<OpenedGeofencesStore>): void {
  describe(`${adapter} geofences store`, () => {
    let opened: OpenedGeofencesStore;
    let store: GeofencesStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(() => opened.close());

    const vendor = (vendorId: string, listed = true) =>
      opened.positions.applyVendor({
        vendorId,
        cuisines: ["tacos"],
        isOpen: true,
        ownerId: `owner-of-${vendorId}`,
        version: 1,
        verified: listed,
      });

    /** Reports as the update path sends them: with the vendors that are listed. */
    const track = async (reports: PositionReport[], now = NOW) => {
      const access = await opened.positions.vendorAccess(reports.map((r) => r.vendorId));
      const listed = new Set([...access].filter(([, a]) => a.listed).map(([id]) => id));
      return opened.reports.record(reports, listed, clockAt(now));
    };
    const crossings = async (reports: PositionReport[], now = NOW) =>
      (await track(reports, now)).crossings.flat().map(line);
    const create = async (record: GeofenceRecord, limit = 20, now = NOW) => {
      const written = await store.create(record, limit, clockAt(now));
      if (!written) throw new Error("the fence was refused");
      return written;
    };
    const inside = async (fenceId: string) =>
      (await store.occupants(fenceId, 100)).occupants.map((o) => o.vendorId).sort();
    const triggeredEvents = async () =>
      (await opened.outbox.oldest(1000)).filter((e) => e.type === "location.geofence_triggered");

    it("stores, reads, pages newest first, counts and deletes an owner's fences", async () => {
      const made: GeofenceRecord[] = [];
      for (let n = 0; n < 5; n += 1)
        made.push(
          fence("ALERT_ZONE", "person-1", circle(east(n * 100), 200), {
            name: `zone ${n}`,
            createdAt: later(Math.floor(n / 2)),
          }),
        );
      for (const record of made) await create(record);
      await create(fence("ALERT_ZONE", "person-2", circle(AUSTIN, 200)));
      await create(fence("VENDOR_ZONE", "person-1", circle(AUSTIN, 200)));

      expect(await store.get(made[0]?.id as string)).toEqual(made[0]);
      const seen: string[] = [];
      let after: { createdAt: Date; id: string } | undefined;
      for (;;) {
        const page = await store.listByOwner("ALERT_ZONE", "person-1", 2, after);
        seen.push(...page.fences.map((f) => f.id));
        const last = page.fences.at(-1);
        if (!page.hasNextPage || !last) break;
        after = { createdAt: last.createdAt, id: last.id };
      }
      const expected = [...made]
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
        .map((f) => f.id);
      expect(seen).toEqual(expected);
      expect(await store.countByOwner("ALERT_ZONE", "person-1")).toBe(5);
      expect(await store.countByOwner("VENDOR_ZONE", "person-1")).toBe(1);

      expect(await store.delete(made[0]?.id as string)).toBe(true);
      expect(await store.delete(made[0]?.id as string)).toBe(false);
      expect(await store.get(made[0]?.id as string)).toBeNull();
      expect(await store.countByOwner("ALERT_ZONE", "person-1")).toBe(4);
    });

    it("refuses a fence past its owner's limit, writing nothing, and takes one again after a deletion", async () => {
      const first = await create(fence("ALERT_ZONE", "person-1", circle(AUSTIN, 100)), 2);
      await create(fence("ALERT_ZONE", "person-1", circle(AUSTIN, 100)), 2);
      const refused = fence("ALERT_ZONE", "person-1", circle(AUSTIN, 100));
      expect(await store.create(refused, 2, clockAt(NOW))).toBeNull();
      expect(await store.get(refused.id)).toBeNull();
      expect(await store.countByOwner("ALERT_ZONE", "person-1")).toBe(2);
      // The limit is per owner and kind.
      await create(fence("ALERT_ZONE", "person-2", circle(AUSTIN, 100)), 2);
      await store.delete(first.fence.id);
      await create(refused, 2);
      expect(await store.countByOwner("ALERT_ZONE", "person-1")).toBe(2);
    });

    it("erases a deleted person's alert zones, roaming ones too, and refuses their new ones", async () => {
      await vendor("cart");
      await track([report("cart", AUSTIN)]);
      const still = (await create(fence("ALERT_ZONE", "person-1", circle(AUSTIN, 300)))).fence;
      const roaming = (
        await create(fence("ALERT_ZONE", "person-1", circle(east(50), 300), { roaming: true }))
      ).fence;
      const someoneElse = (await create(fence("ALERT_ZONE", "person-2", circle(AUSTIN, 300)))).fence;
      expect(await inside(still.id)).toEqual(["cart"]);
      expect(await store.isErased("person-1")).toBe(false);

      expect(await store.erasePerson("person-1", later(1))).toBe(2);
      expect(await store.isErased("person-1")).toBe(true);
      expect(await store.get(still.id)).toBeNull();
      expect(await store.get(roaming.id)).toBeNull();
      expect(await inside(still.id)).toEqual([]);
      expect(await store.countByOwner("ALERT_ZONE", "person-1")).toBe(0);
      expect(await store.moveRoaming("person-1", east(900), clockAt(later(2)))).toEqual([]);
      const refused = fence("ALERT_ZONE", "person-1", circle(AUSTIN, 300));
      expect(await store.create(refused, 20, clockAt(later(2)))).toBeNull();
      expect(await store.get(refused.id)).toBeNull();

      // Idempotent, and nobody else's zones are touched.
      expect(await store.erasePerson("person-1", later(3))).toBe(0);
      expect(await store.isErased("person-2")).toBe(false);
      expect(await inside(someoneElse.id)).toEqual(["cart"]);
      // The cart's own move still reaches the zones left, not the erased ones.
      expect(await crossings([report("cart", east(5000), later(4))], later(4))).toEqual([
        `EXIT cart ${someoneElse.id} VENDOR_MOVED`,
      ]);
    });

    it("enters a vendor moving into an alert circle once, and exits it once when it leaves", async () => {
      await vendor("cart");
      const zone = (await create(fence("ALERT_ZONE", "person-1", circle(AUSTIN, 500)))).fence;
      expect(await crossings([report("cart", east(800))])).toEqual([]);
      expect(await crossings([report("cart", east(499), later(1))], later(1))).toEqual([
        `ENTER cart ${zone.id} VENDOR_MOVED`,
      ]);
      expect(await crossings([report("cart", east(100), later(2))], later(2))).toEqual([]);
      expect(await inside(zone.id)).toEqual(["cart"]);
      const transitions = (await track([report("cart", east(521), later(3))], later(3))).crossings.flat();
      expect(transitions).toEqual([
        {
          fence: { id: zone.id, kind: "ALERT_ZONE", ownerId: "person-1", center: AUSTIN },
          vendorId: "cart",
          transition: "EXIT",
          point: east(521),
          at: later(3),
          cause: "VENDOR_MOVED",
        },
      ]);
      expect(await inside(zone.id)).toEqual([]);
    });

    it("lets a vendor leave only beyond the exit margin, so jitter on an edge does not flap", async () => {
      await vendor("cart");
      const zone = (await create(fence("ALERT_ZONE", "person-1", circle(AUSTIN, 500)))).fence;
      const steps: [number, string[]][] = [
        [499.99, [`ENTER cart ${zone.id} VENDOR_MOVED`]],
        [505, []],
        [498, []],
        [519, []],
        [521, [`EXIT cart ${zone.id} VENDOR_MOVED`]],
        [510, []],
        [499, [`ENTER cart ${zone.id} VENDOR_MOVED`]],
      ];
      for (const [i, [meters, expected]] of steps.entries())
        expect(await crossings([report("cart", east(meters), later(i))], later(i))).toEqual(expected);

      await track([report("cart", inLQuarter(250, 3000), later(9))], later(9));
      const pitch = (await create(fence("ALERT_ZONE", "person-2", L_SHAPE), 20, later(9))).fence;
      const polygonSteps: [number, string[]][] = [
        [990, [`ENTER cart ${pitch.id} VENDOR_MOVED`]],
        [1010, []],
        [1030, [`EXIT cart ${pitch.id} VENDOR_MOVED`]],
      ];
      for (const [i, [north, expected]] of polygonSteps.entries()) {
        const at = later(10 + i);
        expect(
          (await crossings([report("cart", inLQuarter(250, north), at)], at)).filter((c) =>
            c.includes(pitch.id),
          ),
        ).toEqual(expected);
      }

      // Redrawing keeps a vendor within the margin too: 10 m outside stays, 30 m outside leaves.
      await track([report("cart", east(100), later(20))], later(20));
      const nudged = await store.update(zone.id, { shape: circle(east(-410), 500) }, clockAt(later(21)));
      expect(nudged?.transitions).toEqual([]);
      const moved = await store.update(zone.id, { shape: circle(east(-430), 500) }, clockAt(later(22)));
      expect(moved?.transitions.map(line)).toEqual([`EXIT cart ${zone.id} FENCE_MOVED`]);
    });

    it("records each move and each crossing in the outbox, in the same write", async () => {
      await vendor("cart");
      const zone = (await create(fence("ALERT_ZONE", "person-1", circle(AUSTIN, 500)))).fence;
      await track([report("cart", east(900)), report("cart", east(100), later(1))], later(1));
      const events = await opened.outbox.oldest(1000);
      expect(events.map((e) => e.type)).toEqual([
        "location.vendor_location_updated",
        "location.vendor_location_updated",
        "location.geofence_triggered",
      ]);
      expect(events[2]?.payload).toEqual({
        fenceId: zone.id,
        fenceKind: "ALERT_ZONE",
        ownerId: "person-1",
        vendorId: "cart",
        transition: "ENTER",
        lat: east(100).lat,
        lng: east(100).lng,
        at: later(1).toISOString(),
        cause: "VENDOR_MOVED",
        fenceCenter: AUSTIN,
      });
    });

    it("follows a vendor through several reports of one batch", async () => {
      await vendor("cart");
      const zone = (await create(fence("ALERT_ZONE", "person-1", circle(AUSTIN, 500)))).fence;
      const reports = [east(900), east(100), east(200), east(900), east(300)].map((point, i) =>
        report("cart", point, later(i)),
      );
      expect(await crossings(reports, later(5))).toEqual([
        `ENTER cart ${zone.id} VENDOR_MOVED`,
        `EXIT cart ${zone.id} VENDOR_MOVED`,
        `ENTER cart ${zone.id} VENDOR_MOVED`,
      ]);
      expect(await inside(zone.id)).toEqual(["cart"]);
      expect(await crossings([report("cart", east(250), later(6))], later(6))).toEqual([]);
    });

    it("follows a vendor through a fleet's largest batch as through one write", async () => {
      await vendor("cart");
      const zone = (await create(fence("ALERT_ZONE", "person-1", circle(AUSTIN, 500)))).fence;
      // In and out every 30 reports: crossings fall on both sides of any cut a store makes.
      const reports = Array.from({ length: 500 }, (_, i) =>
        report(
          "cart",
          Math.floor(i / 30) % 2 === 0 ? east(100) : east(900),
          new Date(NOW.getTime() + i * 10),
        ),
      );
      const recorded = await track(reports, later(10));
      expect(recorded.outcomes.map((o) => o.current.recordedAt)).toEqual(reports.map((r) => r.recordedAt));
      expect(recorded.crossings.flat().map(line)).toEqual(
        Array.from(
          { length: 17 },
          (_, n) => `${n % 2 === 0 ? "ENTER" : "EXIT"} cart ${zone.id} VENDOR_MOVED`,
        ),
      );
      expect(await triggeredEvents()).toHaveLength(17);
      expect(await inside(zone.id)).toEqual(["cart"]);
    });

    it("writes nothing of a batch whose events cannot be recorded", async () => {
      await vendor("cart");
      const zone = (await create(fence("ALERT_ZONE", "person-1", circle(AUSTIN, 500)))).fence;
      await track([report("cart", east(900))]);
      const before = await opened.outbox.count();
      const outbox = opened.outbox as Outbox & { add: (...args: never[]) => unknown };
      const add = outbox.add;
      outbox.add = () => {
        throw new Error("outbox unavailable");
      };
      await expect(track([report("cart", east(100), later(1))], later(1))).rejects.toThrow(
        "outbox unavailable",
      );
      outbox.add = add;
      expect((await opened.positions.currentPositions(["cart"]))[0]?.recordedAt).toEqual(NOW);
      expect(await inside(zone.id)).toEqual([]);
      expect(await opened.outbox.count()).toBe(before);
      // Nothing was half-written: the same move now enters.
      expect(await crossings([report("cart", east(100), later(1))], later(1))).toEqual([
        `ENTER cart ${zone.id} VENDOR_MOVED`,
      ]);
    });

    it("decides a polygon by its exact ring, edges included, not by its box", async () => {
      await vendor("cart");
      const zone = (await create(fence("ALERT_ZONE", "person-1", L_SHAPE))).fence;
      // The L's missing quarter is inside the bounding box.
      expect(await crossings([report("cart", inLQuarter(750, 750))])).toEqual([]);
      expect(await crossings([report("cart", inLQuarter(250, 750), later(1))], later(1))).toEqual([
        `ENTER cart ${zone.id} VENDOR_MOVED`,
      ]);
      // A vertex of the ring is on its edge: still inside.
      const vertex = L_SHAPE.type === "POLYGON" ? (L_SHAPE.ring[3] as GeoPoint) : AUSTIN;
      expect(await crossings([report("cart", vertex, later(2))], later(2))).toEqual([]);
      expect(await crossings([report("cart", inLQuarter(750, 750), later(3))], later(3))).toEqual([
        `EXIT cart ${zone.id} VENDOR_MOVED`,
      ]);
    });

    it("lets alert zones see only listed vendors, and a vendor zone only its own vendor", async () => {
      await vendor("listed");
      await vendor("unlisted", false);
      const alert = (await create(fence("ALERT_ZONE", "person-1", circle(AUSTIN, 500)))).fence;
      const pitch = (await create(fence("VENDOR_ZONE", "unlisted", circle(AUSTIN, 300)))).fence;
      expect((await crossings([report("listed", east(100)), report("unlisted", east(100))])).sort()).toEqual(
        [`ENTER listed ${alert.id} VENDOR_MOVED`, `ENTER unlisted ${pitch.id} VENDOR_MOVED`].sort(),
      );
      const [enterPitch] = (await triggeredEvents())
        .map((e) => e.payload as GeofenceTriggered)
        .filter((payload) => payload.fenceId === pitch.id);
      expect(enterPitch).toMatchObject({ fenceKind: "VENDOR_ZONE", ownerId: "unlisted" });
    });

    it("ignores a late report, and keeps a stale position out of every fence", async () => {
      await vendor("cart");
      const zone = (await create(fence("ALERT_ZONE", "person-1", circle(AUSTIN, 500)))).fence;
      await track([report("cart", east(900), later(10))], later(10));
      // Older than the current position: kept in history, moves nothing, crosses nothing.
      expect(await crossings([report("cart", east(100), later(5))], later(10))).toEqual([]);
      // Current, but recorded before the live window: the vendor counts as offline.
      expect(
        await crossings([report("cart", east(100), later(20))], later(20 + LIVE_WINDOW_SECONDS + 1)),
      ).toEqual([]);
      expect(await inside(zone.id)).toEqual([]);
    });

    it("enters, at creation, the live listed vendors already inside, found through the positions' index", async () => {
      for (const id of ["inside", "stale", "unlisted", "outside"]) await vendor(id, id !== "unlisted");
      await track([
        report("inside", east(100)),
        report("stale", east(150), new Date(NOW.getTime() - (LIVE_WINDOW_SECONDS + 1) * 1000)),
        report("unlisted", east(200)),
        report("outside", east(700)),
      ]);
      const { fence: zone, transitions } = await create(fence("ALERT_ZONE", "person-1", circle(AUSTIN, 500)));
      expect(transitions.map(line)).toEqual([`ENTER inside ${zone.id} FENCE_MOVED`]);
      expect(await inside(zone.id)).toEqual(["inside"]);
      // A vendor zone takes its own vendor only, listed or not.
      const pitch = await create(fence("VENDOR_ZONE", "unlisted", circle(AUSTIN, 500)));
      expect(pitch.transitions.map(line)).toEqual([`ENTER unlisted ${pitch.fence.id} FENCE_MOVED`]);
    });

    it("moves roaming fences with their owner: vendors now covered enter, those left behind exit", async () => {
      for (const id of ["near-home", "near-work"]) await vendor(id);
      const work = east(5000);
      await track([report("near-home", east(100)), report("near-work", destinationPoint(work, 0, 100))]);
      const nearMe = await create(
        fence("ALERT_ZONE", "person-1", circle(AUSTIN, 400), { roaming: true, name: "near me" }),
      );
      const pinned = await create(fence("ALERT_ZONE", "person-1", circle(AUSTIN, 400)));
      const someoneElses = await create(
        fence("ALERT_ZONE", "person-2", circle(AUSTIN, 400), { roaming: true }),
      );
      expect(nearMe.transitions.map(line)).toEqual([`ENTER near-home ${nearMe.fence.id} FENCE_MOVED`]);

      const moved = await store.moveRoaming("person-1", work, clockAt(later(5)));
      expect(moved.map((m) => m.fence.id)).toEqual([nearMe.fence.id]);
      expect(moved[0]?.fence.shape).toEqual(circle(work, 400));
      expect(moved[0]?.transitions.map(line).sort()).toEqual(
        [
          `ENTER near-work ${nearMe.fence.id} FENCE_MOVED`,
          `EXIT near-home ${nearMe.fence.id} FENCE_MOVED`,
        ].sort(),
      );
      expect((await store.get(nearMe.fence.id))?.shape).toEqual(circle(work, 400));
      expect(await inside(nearMe.fence.id)).toEqual(["near-work"]);
      expect(await inside(pinned.fence.id)).toEqual(["near-home"]);
      expect(await inside(someoneElses.fence.id)).toEqual(["near-home"]);
      // The same place again changes nothing.
      expect((await store.moveRoaming("person-1", work, clockAt(later(6))))[0]?.transitions).toEqual([]);
      expect(await store.moveRoaming("person-3", work, clockAt(later(6)))).toEqual([]);
    });

    it("takes a vendor that went offline out of its fences; live again inside, it enters again", async () => {
      await vendor("cart");
      const zone = (await create(fence("ALERT_ZONE", "person-1", circle(AUSTIN, 500)))).fence;
      const pitch = (await create(fence("VENDOR_ZONE", "cart", circle(AUSTIN, 500)))).fence;
      await track([report("cart", east(100))]);
      expect((await store.sweepOffline(clockAt(later(LIVE_WINDOW_SECONDS)), 100)).transitions).toEqual([]);

      const gone = later(LIVE_WINDOW_SECONDS + 1);
      const sweep = await store.sweepOffline(clockAt(gone), 100);
      expect(sweep.vendors).toBe(1);
      expect(sweep.transitions.map(line).sort()).toEqual(
        [`EXIT cart ${zone.id} VENDOR_OFFLINE`, `EXIT cart ${pitch.id} VENDOR_OFFLINE`].sort(),
      );
      expect(sweep.transitions[0]?.point).toEqual(east(100));
      expect(sweep.transitions[0]?.at).toEqual(gone);
      expect(await inside(zone.id)).toEqual([]);
      expect(await store.sweepOffline(clockAt(gone), 100)).toEqual({ vendors: 0, transitions: [] });

      const back = later(LIVE_WINDOW_SECONDS + 60);
      expect((await crossings([report("cart", east(100), back)], back)).sort()).toEqual(
        [`ENTER cart ${zone.id} VENDOR_MOVED`, `ENTER cart ${pitch.id} VENDOR_MOVED`].sort(),
      );
    });

    it("keeps a vendor that still reports inside its fences, whatever the sweeps", async () => {
      await vendor("cart");
      const zone = (await create(fence("ALERT_ZONE", "person-1", circle(AUSTIN, 500)))).fence;
      await track([report("cart", east(100))]);
      for (const seconds of [20, 40, 60, 80, 100, 120, 140, 160]) {
        await track([report("cart", east(100 + seconds), later(seconds))], later(seconds));
        const sweep = await store.sweepOffline(clockAt(later(seconds + LIVE_WINDOW_SECONDS)), 100);
        expect(sweep.transitions).toEqual([]);
      }
      expect(await inside(zone.id)).toEqual(["cart"]);
      const gone = later(160 + LIVE_WINDOW_SECONDS + 1);
      expect((await store.sweepOffline(clockAt(gone), 100)).transitions.map(line)).toEqual([
        `EXIT cart ${zone.id} VENDOR_OFFLINE`,
      ]);
    });

    it("sees a fence drawn a few meters from a parked vendor at the vendor's next report", async () => {
      await vendor("cart");
      for (let i = 0; i < 3; i += 1) await track([report("cart", east(0), later(i))], later(i));
      // The zone's edge runs 3 m east of the cart: drawing it finds the cart outside.
      const zone = await create(fence("ALERT_ZONE", "person-1", circle(east(103), 100)), 20, later(3));
      expect(zone.transitions).toEqual([]);
      expect(await crossings([report("cart", east(5), later(4))], later(4))).toEqual([
        `ENTER cart ${zone.fence.id} VENDOR_MOVED`,
      ]);
    });

    it("lets a parked vendor that a roaming zone moved onto leave it by driving off", async () => {
      await vendor("cart");
      for (let i = 0; i < 3; i += 1) await track([report("cart", east(2000), later(i))], later(i));
      const nearMe = (await create(fence("ALERT_ZONE", "person-1", circle(AUSTIN, 300), { roaming: true })))
        .fence;
      const [moved] = await store.moveRoaming("person-1", east(2000), clockAt(later(3)));
      expect(moved?.transitions.map(line)).toEqual([`ENTER cart ${nearMe.id} FENCE_MOVED`]);
      expect(await crossings([report("cart", east(2004), later(4))], later(4))).toEqual([]);
      expect(await crossings([report("cart", east(2400), later(5))], later(5))).toEqual([
        `EXIT cart ${nearMe.id} VENDOR_MOVED`,
      ]);
    });

    it("re-decides who is inside when a fence is redrawn, and announces nothing for a rename", async () => {
      for (const id of ["a", "b"]) await vendor(id);
      await track([report("a", east(100)), report("b", east(900))]);
      const zone = (await create(fence("ALERT_ZONE", "person-1", circle(AUSTIN, 500)))).fence;
      const renamed = await store.update(zone.id, { name: "Home" }, clockAt(later(1)));
      expect(renamed?.fence).toMatchObject({ name: "Home", shape: zone.shape, updatedAt: later(1) });
      expect(renamed?.transitions).toEqual([]);
      const redrawn = await store.update(zone.id, { shape: circle(east(900), 300) }, clockAt(later(2)));
      expect(redrawn?.transitions.map(line).sort()).toEqual(
        [`ENTER b ${zone.id} FENCE_MOVED`, `EXIT a ${zone.id} FENCE_MOVED`].sort(),
      );
      expect(await store.get(zone.id)).toMatchObject({ name: "Home", shape: circle(east(900), 300) });
      // The index follows: a move near the old place crosses nothing, near the new one it does.
      expect(await crossings([report("a", east(50), later(3))], later(3))).toEqual([]);
      expect(await crossings([report("a", east(1000), later(4))], later(4))).toEqual([
        `ENTER a ${zone.id} VENDOR_MOVED`,
      ]);
      expect(await store.update("no-such-fence", { name: "x" }, clockAt(later(5)))).toBeNull();
    });

    it("forgets a deleted fence's memberships without events, and stops matching it", async () => {
      await vendor("cart");
      const zone = (await create(fence("ALERT_ZONE", "person-1", circle(AUSTIN, 500)))).fence;
      await track([report("cart", east(100))]);
      const events = (await triggeredEvents()).length;
      expect(await store.delete(zone.id)).toBe(true);
      expect((await triggeredEvents()).length).toBe(events);
      expect(await inside(zone.id)).toEqual([]);
      expect(await crossings([report("cart", east(900), later(1))], later(1))).toEqual([]);
      expect(await crossings([report("cart", east(100), later(2))], later(2))).toEqual([]);
    });

    it("forgets a fence deleted while a vendor inside it was unlisted, announcing nothing of it", async () => {
      await vendor("cart");
      const zone = (await create(fence("ALERT_ZONE", "person-1", circle(AUSTIN, 500)))).fence;
      const pitch = (await create(fence("VENDOR_ZONE", "cart", circle(AUSTIN, 500)))).fence;
      await track([report("cart", east(100))]);
      // Unlisted, the cart drops out of the positions' index before its next report.
      await opened.positions.applyVendor({
        vendorId: "cart",
        cuisines: ["tacos"],
        isOpen: true,
        ownerId: "owner-of-cart",
        version: 2,
        verified: false,
      });
      expect(await store.delete(zone.id)).toBe(true);
      expect(await inside(pitch.id)).toEqual(["cart"]);
      expect(await crossings([report("cart", east(120), later(1))], later(1))).toEqual([]);
      const gone = later(1 + LIVE_WINDOW_SECONDS + 1);
      expect((await store.sweepOffline(clockAt(gone), 100)).transitions.map(line)).toEqual([
        `EXIT cart ${pitch.id} VENDOR_OFFLINE`,
      ]);
      expect(await inside(pitch.id)).toEqual([]);
    });

    it("lists as occupants only the vendors inside, among many near the fence", async () => {
      const ids = Array.from({ length: 12 }, (_, i) => `v${i}`);
      for (const id of ids) await vendor(id);
      // Every 100 m east of the centre: a 450 m circle holds v0 to v4 (v4 at 400 m); v5 is 50 m out.
      await track(ids.map((id, i) => report(id, east(100 * i))));
      const zone = (await create(fence("ALERT_ZONE", "person-1", circle(AUSTIN, 450)))).fence;
      expect(await inside(zone.id)).toEqual(["v0", "v1", "v2", "v3", "v4"]);
      const pitch = (await create(fence("VENDOR_ZONE", "v7", circle(east(700), 50)))).fence;
      expect(await inside(pitch.id)).toEqual(["v7"]);
      expect(await store.occupants("no-such-fence", 10)).toEqual({ occupants: [], hasNextPage: false });
    });

    it("finds a circle across the antimeridian from both sides", async () => {
      await vendor("ferry");
      const zone = (await create(fence("ALERT_ZONE", "person-1", circle({ lat: -17, lng: 179.999 }, 2000))))
        .fence;
      expect(await crossings([report("ferry", { lat: -17, lng: -179.995 })])).toEqual([
        `ENTER ferry ${zone.id} VENDOR_MOVED`,
      ]);
      expect(await crossings([report("ferry", { lat: -17, lng: 179.995 }, later(1))], later(1))).toEqual([]);
    });

    it("pages the vendors inside a fence, latest arrival first", async () => {
      const ids = ["v1", "v2", "v3", "v4", "v5"];
      for (const id of ids) await vendor(id);
      const zone = (await create(fence("ALERT_ZONE", "person-1", circle(AUSTIN, 500)))).fence;
      for (const [i, id] of ids.entries()) await track([report(id, east(50 * i), later(i))], later(i));
      const seen: string[] = [];
      let after: { enteredAt: Date; vendorId: string } | undefined;
      for (;;) {
        const page = await store.occupants(zone.id, 2, after);
        seen.push(...page.occupants.map((o) => o.vendorId));
        const last = page.occupants.at(-1);
        if (!page.hasNextPage || !last) break;
        after = { enteredAt: last.enteredAt, vendorId: last.vendorId };
      }
      expect(seen).toEqual(["v5", "v4", "v3", "v2", "v1"]);
    });
  });
}
