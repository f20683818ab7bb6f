import type { Viewer } from "@venta/auth";
import type { MongoMigration, MongoMigrations, SqliteMigration, SqliteMigrations } from "@venta/store";
import type { Closer } from "./shutdown.js";
import type { ReferenceResolvers, SubgraphSchemaOptions } from "./subgraph-schema.js";

/**
 * The types one subgraph's modules share: what its store factories receive per backend (the
 * database and its outbox…), its stores, services and per-request loaders (interfaces each module
 * augments from its own folder), what services take from configuration, what background work
 * receives, and its personal-data hook.
 */
export interface ModuleTypes {
  sqlite: unknown;
  mongo: unknown;
  stores: object;
  services: object;
  loaders: object;
  settings: unknown;
  runtime: unknown;
  personalData: unknown;
}

/**
 * Everything one module brings to its subgraph, declared in its folder: a subgraph's root lists
 * its modules and assembles the rest from them, so adding a module touches its folder and one line.
 */
export interface SubgraphModule<T extends ModuleTypes> {
  /** Also the key its applied migrations are recorded under: never rename a module that has any. */
  name: string;
  /** Ordered changes to the module's tables (SQLite) and data steps over its collections (MongoDB). */
  migrations?: { sqlite?: readonly SqliteMigration[]; mongo?: readonly MongoMigration[] };
  /** The module's stores on each backend; both must provide the same ones. */
  stores?: {
    sqlite(on: T["sqlite"]): Partial<T["stores"]>;
    mongo(on: T["mongo"]): Partial<T["stores"]>;
  };
  /**
   * The module's rules over the stores, built once per process. `earlier` holds the services of
   * the modules listed before this one, for a module that builds on another's (use `requireService`).
   */
  services?(
    stores: T["stores"],
    settings: T["settings"],
    earlier: Partial<T["services"]>,
  ): Partial<T["services"]>;
  /** Loaders batching this module's reads, built per request. */
  loaders?(services: T["services"], viewer: Viewer): Partial<T["loaders"]>;
  resolvers?: SubgraphSchemaOptions["resolvers"];
  /** `__resolveReference` for the entities this module owns. */
  references?: ReferenceResolvers;
  /** Background work (bus consumers, sweepers): started with the server, stopped before the stores close. */
  start?(services: T["services"], runtime: T["runtime"]): Closer[];
  /** How the module exports and erases one person's data. */
  personalData?(stores: T["stores"], services: T["services"]): T["personalData"];
}

type Modules<T extends ModuleTypes> = readonly SubgraphModule<T>[];

/**
 * Merges what each module built into one object. Each module's part is typed by the interface its
 * own folder augments, so the merge of every listed module's part is the whole interface. A module
 * left out of the list would leave its part undefined: each subgraph's modules test assembles both
 * backends and checks that every store, service and loader is there.
 */
function merge<Whole extends object>(parts: readonly Partial<Whole>[]): Whole {
  return Object.assign({}, ...parts) as Whole;
}

/** Every module's stores on one backend. */
export function assembleStores<T extends ModuleTypes>(
  modules: Modules<T>,
  backend: "sqlite" | "mongo",
  on: T["sqlite"] | T["mongo"],
): T["stores"] {
  const parts = modules.map((module) => {
    if (!module.stores) return {};
    return backend === "sqlite" ? module.stores.sqlite(on) : module.stores.mongo(on);
  });
  return merge<T["stores"]>(parts);
}

/** The ordered migrations of every module on one backend, keyed by module name. */
export function sqliteMigrationsOf<T extends ModuleTypes>(modules: Modules<T>): SqliteMigrations[] {
  return modules.map((m) => ({ module: m.name, steps: m.migrations?.sqlite ?? [] }));
}

export function mongoMigrationsOf<T extends ModuleTypes>(modules: Modules<T>): MongoMigrations[] {
  return modules.map((m) => ({ module: m.name, steps: m.migrations?.mongo ?? [] }));
}

export function assembleServices<T extends ModuleTypes>(
  modules: Modules<T>,
  stores: T["stores"],
  settings: T["settings"],
): T["services"] {
  const built: Partial<T["services"]> = {};
  for (const module of modules) Object.assign(built, module.services?.(stores, settings, built));
  return merge<T["services"]>([built]);
}

/** A service of a module listed earlier; throws at start-up when the list's order is wrong. */
export function requireService<S, K extends keyof S>(
  earlier: Partial<S>,
  key: K,
  by: string,
): NonNullable<S[K]> {
  const service = earlier[key];
  if (service === undefined || service === null)
    throw new Error(`${by} needs the ${String(key)} service: list its module earlier in modules.ts`);
  return service;
}

export function assembleLoaders<T extends ModuleTypes>(
  modules: Modules<T>,
  services: T["services"],
  viewer: Viewer,
): T["loaders"] {
  return merge<T["loaders"]>(modules.map((m) => m.loaders?.(services, viewer) ?? {}));
}

/** The schema inputs of every module, for `buildSubgraph`. */
export function schemaOf<T extends ModuleTypes>(modules: Modules<T>): SubgraphSchemaOptions {
  const resolvers = modules.flatMap((m) => [...(m.resolvers ?? [])]);
  const [first, ...rest] = resolvers;
  if (!first) throw new Error("a subgraph needs at least one resolver");
  return {
    resolvers: [first, ...rest],
    referenceResolvers: Object.assign({}, ...modules.map((m) => m.references ?? {})),
  };
}

/** Starts every module's background work; the closers stop it, in reverse order. */
export function startModules<T extends ModuleTypes>(
  modules: Modules<T>,
  services: T["services"],
  runtime: T["runtime"],
): Closer[] {
  return modules.flatMap((m) => m.start?.(services, runtime) ?? []).reverse();
}

/** Every module's personal-data hook, in the order the modules are listed. */
export function personalDataOf<T extends ModuleTypes>(
  modules: Modules<T>,
  stores: T["stores"],
  services: T["services"],
): T["personalData"][] {
  return modules.flatMap((m) => (m.personalData ? [m.personalData(stores, services)] : []));
}
