import type { SqliteOutbox } from "@venta/events";
import type Database from "better-sqlite3";
import type { TrackingClock } from "../geofences/geofences.store.js";
import type { SqliteGeofencesStore } from "../geofences/geofences.store.sqlite.js";
import type { PositionReport } from "./position.record.js";
import { type PositionReports, type RecordedPositions, reportEvents } from "./position-reports.js";
import type { SqlitePositionsStore } from "./positions.store.sqlite.js";

type RecordInTransaction = (
  reports: readonly PositionReport[],
  listed: ReadonlySet<string>,
  clock: TrackingClock,
) => RecordedPositions;

/**
 * Position reports in SQLite: one IMMEDIATE transaction on the location database, which the
 * positions, the geofences and the outbox share, whatever the batch's size.
 */
export class SqlitePositionReports implements PositionReports {
  private readonly inTransaction: Database.Transaction<RecordInTransaction>;

  constructor(
    db: Database.Database,
    positions: SqlitePositionsStore,
    private readonly geofences: SqliteGeofencesStore,
    outbox: SqliteOutbox,
  ) {
    this.inTransaction = db.transaction((reports, listed, clock): RecordedPositions => {
      const outcomes = positions.write(reports);
      const { events, crossings } = reportEvents(
        outcomes,
        geofences.evaluate(outcomes, listed, clock),
        clock.now,
      );
      outbox.add(events);
      return { outcomes, crossings };
    });
  }

  async record(
    reports: readonly PositionReport[],
    listed: ReadonlySet<string>,
    clock: TrackingClock,
  ): Promise<RecordedPositions> {
    try {
      return this.inTransaction.immediate(reports, listed, clock);
    } catch (error) {
      this.geofences.forget(reports);
      throw error;
    }
  }
}
