import { anonymous } from "@venta/auth";
import { mongoStoresOn, SqliteEventBus } from "@venta/events";
import { assembleLoaders, sqliteMigrationsOf } from "@venta/kit";
import { testLogger } from "@venta/testing";
import mongoose from "mongoose";
import { afterEach, describe, expect, it } from "vitest";
import { communicationEnv } from "./config.js";
import * as communication from "./index.js";
import { communicationModules } from "./modules.js";
import { communicationServices } from "./services.js";
import { type OpenCommunicationStores, openSqlite } from "./stores.js";

const definedKeys = (value: object) =>
  Object.entries(value)
    .filter(([, member]) => member !== undefined)
    .map(([key]) => key)
    .sort();

describe("communication modules", () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  it("assemble the same stores on SQLite and MongoDB, none missing", async () => {
    const sqlite = openSqlite(":memory:");
    closers.push(sqlite.close);
    // Never opened: building stores registers models and needs no server.
    const mongo = mongoStoresOn(communicationModules, mongoose.createConnection());
    expect(definedKeys(sqlite)).toEqual(Object.keys(sqlite).sort());
    expect(definedKeys(mongo)).toEqual(definedKeys(sqlite));
    expect(definedKeys(sqlite)).toEqual(
      expect.arrayContaining(["contacts", "conversations", "notifications", "tickets", "webhookDeliveries"]),
    );
  });

  it("assemble services and per-request loaders, none missing, and one eraser per module keeping personal data", async () => {
    const stores: OpenCommunicationStores = openSqlite(":memory:");
    const bus = new SqliteEventBus(":memory:", testLogger);
    const config = communicationEnv.parse({ DATA_DIR: ":memory:" });
    const services = communicationServices(stores, bus, config, testLogger);
    closers.push(async () => {
      await services.delivery.queue.close();
      await services.chatFeed.close();
      await bus.close();
      await stores.close();
    });
    expect(definedKeys(services)).toEqual(Object.keys(services).sort());
    const loaders = assembleLoaders(communicationModules, services, anonymous);
    expect(definedKeys(loaders)).toEqual(["chatLoaders", "notificationLoaders", "supportLoaders"]);
    const withPersonalData = communicationModules.filter((module) => module.personalData).map((m) => m.name);
    expect(withPersonalData[0]).toBe("contacts");
    expect(withPersonalData).toHaveLength(7);
  });

  it("list each module once, its migrations under its own name", () => {
    const names = communicationModules.map((module) => module.name);
    expect(new Set(names).size).toBe(names.length);
    const migrations = sqliteMigrationsOf(communicationModules);
    expect(migrations.map((m) => m.module)).toEqual(names);
    for (const { module, steps } of migrations)
      expect(
        steps.map((step) => step.version),
        module,
      ).toEqual(steps.map((_, index) => index + 1));
  });

  it("are each exported from the package, so its types carry every module's members", () => {
    const exported = new Set<unknown>(Object.values(communication));
    for (const module of communicationModules) expect(exported.has(module), module.name).toBe(true);
  });
});
