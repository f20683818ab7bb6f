import { anonymous } from "@venta/auth";
import { describe, expect, it } from "vitest";
import {
  assembleLoaders,
  assembleServices,
  assembleStores,
  type ModuleTypes,
  personalDataOf,
  requireService,
  type SubgraphModule,
  sqliteMigrationsOf,
  startModules,
} from "./subgraph-module.js";

interface Types extends ModuleTypes {
  sqlite: { prefix: string };
  mongo: { prefix: string };
  stores: { notes: string; tags: string };
  services: { notes: string; tags: string };
  loaders: { note: string };
  settings: { suffix: string };
  runtime: { started: string[] };
  personalData: string;
}

const notes: SubgraphModule<Types> = {
  name: "notes",
  migrations: { sqlite: [{ version: 1, name: "notes", up: () => undefined }] },
  stores: {
    sqlite: (on) => ({ notes: `${on.prefix}notes` }),
    mongo: (on) => ({ notes: `${on.prefix}notes` }),
  },
  services: (stores, settings) => ({ notes: stores.notes + settings.suffix }),
  loaders: (services) => ({ note: `loads ${services.notes}` }),
  start: (_services, runtime) => {
    runtime.started.push("notes");
    return [() => void runtime.started.push("notes stopped")];
  },
  personalData: () => "notes data",
};

const tags: SubgraphModule<Types> = {
  name: "tags",
  stores: { sqlite: () => ({ tags: "sqlite tags" }), mongo: () => ({ tags: "mongo tags" }) },
  services: (stores, _settings, earlier) => ({
    tags: `${stores.tags} on ${requireService(earlier, "notes", "tags")}`,
  }),
  start: (_services, runtime) => {
    runtime.started.push("tags");
    return [() => void runtime.started.push("tags stopped")];
  },
};

describe("subgraph modules", () => {
  it("assembles every module's stores, services and loaders into one object each", () => {
    const stores = assembleStores([notes, tags], "sqlite", { prefix: "sqlite " });
    expect(stores).toEqual({ notes: "sqlite notes", tags: "sqlite tags" });
    const services = assembleServices([notes, tags], stores, { suffix: "!" });
    expect(services).toEqual({ notes: "sqlite notes!", tags: "sqlite tags on sqlite notes!" });
    expect(assembleLoaders([notes, tags], services, anonymous)).toEqual({
      note: "loads sqlite notes!",
    });
    expect(personalDataOf([notes, tags], stores, services)).toEqual(["notes data"]);
  });

  it("says which module to list earlier when a service it builds on is missing", () => {
    const stores = assembleStores([tags, notes], "mongo", { prefix: "mongo " });
    expect(() => assembleServices([tags, notes], stores, { suffix: "" })).toThrow(
      "tags needs the notes service: list its module earlier in modules.ts",
    );
  });

  it("records migrations under each module's name and stops background work in reverse order", async () => {
    expect(sqliteMigrationsOf([notes, tags]).map((m) => [m.module, m.steps.length])).toEqual([
      ["notes", 1],
      ["tags", 0],
    ]);
    const runtime = { started: [] as string[] };
    const closers = startModules([notes, tags], { notes: "", tags: "" }, runtime);
    for (const close of closers) await close();
    expect(runtime.started).toEqual(["notes", "tags", "tags stopped", "notes stopped"]);
  });
});
