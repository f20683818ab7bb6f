import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { personViewer } from "@venta/auth";
import { assembleLoaders, mongoMigrationsOf, sqliteMigrationsOf } from "@venta/kit";
import mongoose from "mongoose";
import { afterAll, describe, expect, it } from "vitest";
import * as marketplace from "./index.js";
import { harnessSettings } from "./marketplace.harness.js";
import { marketplaceModules } from "./modules.js";
import { marketplaceServices, personalDataRegistry } from "./services.js";
import { assembleMongoStores, openSqlite } from "./stores.js";

const definedKeys = (record: object) =>
  Object.entries(record)
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key)
    .sort();

describe("marketplace modules", () => {
  const sqlite = openSqlite(":memory:");
  // Never opened: building the Mongo stores needs no server.
  const mongo = assembleMongoStores(mongoose.createConnection());
  const mediaDir = mkdtempSync(join(tmpdir(), "venta-modules-"));
  const services = marketplaceServices(sqlite, harnessSettings(mediaDir));
  afterAll(async () => {
    await sqlite.close();
    rmSync(mediaDir, { recursive: true, force: true });
  });

  it("assemble the same stores on SQLite and MongoDB, none missing", () => {
    expect(Object.keys(sqlite).length).toBeGreaterThan(3);
    expect(definedKeys(sqlite)).toEqual(Object.keys(sqlite).sort());
    expect(definedKeys(mongo)).toEqual(Object.keys(mongo).sort());
    expect(Object.keys(mongo).sort()).toEqual(Object.keys(sqlite).sort());
  });

  it("assemble every service and every loader", () => {
    expect(Object.keys(services).length).toBeGreaterThan(0);
    expect(definedKeys(services)).toEqual(Object.keys(services).sort());
    const loaders = assembleLoaders(marketplaceModules, services, personViewer("someone", []));
    expect(Object.keys(loaders).length).toBeGreaterThan(0);
    expect(definedKeys(loaders)).toEqual(Object.keys(loaders).sort());
  });

  it("list each module, and so its migrations, once", () => {
    const names = marketplaceModules.map((module) => module.name);
    expect(new Set(names).size).toBe(names.length);
    expect(sqliteMigrationsOf(marketplaceModules).map((m) => m.module)).toEqual(names);
    expect(mongoMigrationsOf(marketplaceModules).map((m) => m.module)).toEqual(names);
    for (const module of marketplaceModules)
      for (const steps of [module.migrations?.sqlite ?? [], module.migrations?.mongo ?? []])
        expect(
          steps.map((step) => step.version),
          module.name,
        ).toEqual(steps.map((_, index) => index + 1));
  });

  it("are each exported from the package, so its types carry every module's members", () => {
    const exported = new Set<unknown>(Object.values(marketplace));
    for (const module of marketplaceModules) expect(exported.has(module), module.name).toBe(true);
  });

  it("erase the account last and export it first", () => {
    const registry = personalDataRegistry(sqlite, services);
    expect(registry.erasers.map((eraser) => eraser.module)).toEqual([
      "search",
      "favorites",
      "reviews",
      "loyalty",
      "users",
    ]);
    expect(registry.exporters.map((exporter) => exporter.module)).toEqual([
      "users",
      "loyalty",
      "reviews",
      "favorites",
    ]);
  });
});
