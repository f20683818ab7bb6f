import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { personViewer } from "@venta/auth";
import { SqliteEventBus, startOutboxRelay } from "@venta/events";
import { testLogger } from "@venta/testing";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FavoritesService } from "../favorites/favorites.service.js";
import { LoyaltyService } from "../loyalty/loyalty.service.js";
import { harnessSettings } from "../marketplace.harness.js";
import { followSearchEvents } from "../search/search.projection.js";
import { marketplaceServices } from "../services.js";
import { type MarketplaceStores, openSqlite } from "../stores.js";
import { VendorsService } from "../vendors/vendors.service.js";
import { PersonalDataService } from "./personal-data.service.js";
import { UsersService } from "./users.service.js";

/** What the victim tells Venta: none of it may survive the deletion anywhere in the database. */
const SECRETS = {
  displayName: "Zelda Zebrafish",
  bio: "Lives at 12 Quiet Lane, allergic to walnuts",
  avatarUrl: "https://img.example.com/zelda-zebrafish.png",
  cuisine: "zebrafish fusion",
};

/**
 * Deletion checked where it matters: in the SQLite file itself, read with a separate connection,
 * across every table the marketplace keeps.
 */
describe("account deletion in the SQLite database", () => {
  let dir: string;
  let stores: MarketplaceStores;
  let raw: Database.Database;
  let personalData: PersonalDataService;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "venta-gdpr-"));
    stores = openSqlite(dir);
    const users = new UsersService(stores.users);
    const loyalty = new LoyaltyService({
      programs: stores.loyaltyPrograms,
      points: stores.points,
      positions: stores.vendorPositions,
      checkIns: stores.checkIns,
      vendors: stores.vendors,
      accounts: users,
    });
    personalData = marketplaceServices(stores, harnessSettings(dir)).personalData;

    await users.register(SECRETS.displayName, { id: "victim" });
    await users.register("Bystander Bob", { id: "bystander" });
    await users.register("Owner", { id: "owner" });
    const vendor = await new VendorsService(stores.vendors, stores.users).create(
      { name: "Cart", cuisines: ["tacos"], ownerId: "owner" },
      { verified: true },
    );
    await loyalty.configure(vendor.id, {
      pointsPerCheckIn: 5,
      pointsPerReview: 5,
      pointsPerPurchaseUnit: 1,
      tiers: [],
      rewards: [{ name: "Coffee", costPoints: 10 }],
    });
    await users.updateProfile("victim", {
      bio: SECRETS.bio,
      avatarUrl: SECRETS.avatarUrl,
      locale: "en-US",
      timeZone: "America/Chicago",
      preferences: {
        favoriteCuisines: [SECRETS.cuisine],
        dietaryTags: ["NUT_FREE"],
        notifications: [{ category: "PROMOTIONS", push: true, email: true, sms: true }],
      },
    });
    await users.updateProfile("bystander", { bio: "Bob's bio" });
    for (const userId of ["victim", "bystander"]) {
      await loyalty.recordPurchase({
        purchaseId: `p-${userId}`,
        userId,
        vendorId: vendor.id,
        amountMinor: 2500,
        currency: "USD",
        at: new Date().toISOString(),
      });
      // Recorded with the position the person claimed, even though the vendor is not live.
      await loyalty.checkIn(userId, vendor.id, 30.2672, -97.7431);
      await loyalty.redeem(
        userId,
        (await stores.loyaltyPrograms.findByVendorIds([vendor.id]))[0]?.rewards[0]?.id as string,
      );
    }
    const favorites = new FavoritesService(stores.favorites, stores.vendors, stores.users);
    for (const userId of ["victim", "bystander"])
      await favorites.add(personViewer(userId, ["CUSTOMER"]), vendor.id);
    raw = new Database(join(dir, "marketplace.db"), { readonly: true });
  });

  afterEach(async () => {
    raw.close();
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Every text value in every table, with where it was found. */
  function everyText(): { table: string; column: string; value: string }[] {
    const found: { table: string; column: string; value: string }[] = [];
    const tables = raw
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
      .all();
    for (const { name } of tables) {
      for (const row of raw.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[])
        for (const [column, value] of Object.entries(row))
          if (typeof value === "string") found.push({ table: name, column, value });
    }
    return found;
  }

  const count = (sql: string, ...params: unknown[]) => (raw.prepare(sql).get(...params) as { n: number }).n;

  /** Where the person's id may stay: the deleted account's own rows, which say only that it was deleted. */
  const TOMBSTONE = new Set(["users.id", "user_profiles.user_id"]);
  const idLeaks = () =>
    everyText().filter(
      ({ table, column, value }) => value.includes("victim") && !TOMBSTONE.has(`${table}.${column}`),
    );

  it("leaves no trace of the person's data in any table, and the others' untouched", async () => {
    // As in the server: announcements reach the bus through the outbox, and the search index (where
    // trending keeps each recent favorite) follows the bus.
    const bus = new SqliteEventBus(":memory:", testLogger);
    const relay = startOutboxRelay({ outbox: stores.outbox, bus, log: testLogger });
    const search = followSearchEvents(bus, stores.searchIndex, testLogger);
    await relay.flush();
    await expect
      .poll(() => count("SELECT count(*) AS n FROM search_activity WHERE kind = 'FAVORITE'"))
      .toBe(2);
    expect(idLeaks().filter(({ table }) => table === "search_activity")).toHaveLength(1);
    const leaks = () =>
      everyText().filter(({ value }) => Object.values(SECRETS).some((secret) => value.includes(secret)));
    expect(leaks().length).toBeGreaterThan(0); // the scan does see them before
    expect(count("SELECT count(*) AS n FROM points_ledger WHERE user_id = 'victim'")).toBe(2);

    await personalData.deleteAccount("victim", true);
    // The deletion itself detached the person's favorites from them, before any event is consumed.
    expect(idLeaks().filter(({ table }) => table !== "outbox")).toEqual([]);
    // Announcements wait in the outbox only until the relay has published them.
    await relay.flush();
    await relay.stop();
    await search.stop();
    await bus.close();

    expect(leaks()).toEqual([]);
    expect(idLeaks()).toEqual([]);
    // Trending still counts both favorites: the person's under a key nothing links to them.
    expect(count("SELECT count(*) AS n FROM search_activity WHERE kind = 'FAVORITE'")).toBe(2);
    expect(raw.prepare("SELECT display_name FROM users WHERE id = 'victim'").get()).toEqual({
      display_name: "Deleted user",
    });
    expect(
      raw
        .prepare(
          "SELECT bio, avatar_url, locale, time_zone, favorite_cuisines, dietary_tags, notifications FROM user_profiles WHERE user_id = 'victim'",
        )
        .get(),
    ).toEqual({
      bio: null,
      avatar_url: null,
      locale: null,
      time_zone: null,
      favorite_cuisines: "[]",
      dietary_tags: "[]",
      notifications: "{}",
    });
    expect(count("SELECT count(*) AS n FROM points_ledger WHERE user_id = 'victim'")).toBe(0);
    expect(count("SELECT count(*) AS n FROM points_balances WHERE user_id = 'victim'")).toBe(0);

    expect(raw.prepare("SELECT display_name FROM users WHERE id = 'bystander'").get()).toEqual({
      display_name: "Bystander Bob",
    });
    expect(raw.prepare("SELECT bio FROM user_profiles WHERE user_id = 'bystander'").get()).toEqual({
      bio: "Bob's bio",
    });
    expect(count("SELECT count(*) AS n FROM points_ledger WHERE user_id = 'bystander'")).toBe(2);
    expect(raw.prepare("SELECT points FROM points_balances WHERE user_id = 'bystander'").get()).toEqual({
      points: 15,
    });
  });
  it("records the deletion where routers read it, so the next request is refused on any router", async () => {
    const recorded: string[] = [];
    const deletedAccounts = {
      add: async (userId: string) => {
        // Recorded once every module has erased the person: a failed erasure never marks them gone.
        expect(count("SELECT count(*) AS n FROM points_ledger WHERE user_id = 'victim'")).toBe(0);
        recorded.push(userId);
      },
      has: async (userId: string) => recorded.includes(userId),
      close: async () => {},
    };
    const service = marketplaceServices(stores, { ...harnessSettings(dir), deletedAccounts }).personalData;
    await service.deleteAccount("victim", true);
    expect(recorded).toEqual(["victim"]);
  });
});
