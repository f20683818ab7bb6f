import type { MongoStoreHandle, SqliteStoreHandle } from "@venta/events";
import { oncePer } from "../once-per.js";
import { mongoPositionsOn, sqlitePositionsOn } from "../positions/positions-on.js";
import { MongoGeofencesStore } from "./geofences.store.mongo.js";
import { SqliteGeofencesStore } from "./geofences.store.sqlite.js";

/**
 * The one geofences store over a database: its memos of fences and neighbourhoods stay true only
 * if every fence and position write in the process goes through it (position reports do too).
 */
export const sqliteGeofencesOn: (on: SqliteStoreHandle) => SqliteGeofencesStore = oncePer(
  ({ db, outbox }: SqliteStoreHandle) => new SqliteGeofencesStore(db, sqlitePositionsOn(db), outbox),
);

export const mongoGeofencesOn: (on: MongoStoreHandle) => MongoGeofencesStore = oncePer(
  ({ connection, outbox }: MongoStoreHandle) =>
    new MongoGeofencesStore(connection, mongoPositionsOn(connection), outbox),
);
