import { type DomainEvent, SqliteEventBus } from "@venta/events";
import { openLocationStores } from "@venta/location";
import { testLogger } from "@venta/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { austinCity } from "./austin.js";
import { announceSeededPositions } from "./search.js";

describe("announcing the seeded positions", () => {
  let bus: SqliteEventBus;
  let location: Awaited<ReturnType<typeof openLocationStores>>;
  beforeEach(async () => {
    bus = new SqliteEventBus(":memory:", testLogger, 5);
    location = await openLocationStores({ DATA_DIR: ":memory:" });
  });
  afterEach(async () => {
    await bus.close();
    await location.close();
  });

  it("publishes every vendor's recorded position, as a live report would be", async () => {
    const city = austinCity(20);
    const recordedAt = new Date(Date.UTC(2026, 0, 1));
    for (const vendor of city.vendors) {
      if (vendor.position)
        await location.positions.record({
          vendorId: vendor.id,
          ...vendor.position,
          accuracyMeters: 8,
          heading: null,
          recordedAt,
        });
    }
    const placed = city.vendors.filter((v) => v.position);
    expect(await announceSeededPositions({ bus, positions: location.positions }, city)).toBe(placed.length);

    const seen: DomainEvent[] = [];
    bus.consume("test", ["location.vendor_location_updated"], (event) => {
      seen.push(event);
    });
    await expect.poll(() => seen.length).toBe(placed.length);
    const first = placed[0];
    expect(seen.find((e) => (e.payload as { vendorId: string }).vendorId === first?.id)?.payload).toEqual({
      vendorId: first?.id,
      lat: first?.position?.lat,
      lng: first?.position?.lng,
      accuracyMeters: 8,
      heading: null,
      recordedAt: recordedAt.toISOString(),
    });
  });
});
