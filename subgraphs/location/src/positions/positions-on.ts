import type Database from "better-sqlite3";
import type { Connection } from "mongoose";
import { oncePer } from "../once-per.js";
import { MongoPositionsStore } from "./positions.store.mongo.js";
import { SqlitePositionsStore } from "./positions.store.sqlite.js";

/** The one positions store over a database: the geofences look vendors up through its index. */
export const sqlitePositionsOn: (db: Database.Database) => SqlitePositionsStore = oncePer(
  (db: Database.Database) => new SqlitePositionsStore(db),
);

export const mongoPositionsOn: (connection: Connection) => MongoPositionsStore = oncePer(
  (connection: Connection) => new MongoPositionsStore(connection),
);
