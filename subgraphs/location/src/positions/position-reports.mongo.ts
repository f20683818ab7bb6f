import type { MongoOutbox } from "@venta/events";
import type { TrackingClock } from "../geofences/geofences.store.js";
import type { MongoGeofencesStore } from "../geofences/geofences.store.mongo.js";
import type { PositionReport } from "./position.record.js";
import { type PositionReports, type RecordedPositions, reportEvents } from "./position-reports.js";
import { positionTransactions } from "./position-transactions.js";
import type { MongoPositionsStore } from "./positions.store.mongo.js";

/**
 * Position reports in MongoDB: the outbox's transactions (a replica set is needed, a single node
 * will do), one per `REPORTS_PER_TRANSACTION` reports, committed one after the other.
 */
export class MongoPositionReports implements PositionReports {
  constructor(
    private readonly positions: MongoPositionsStore,
    private readonly geofences: MongoGeofencesStore,
    private readonly outbox: MongoOutbox,
  ) {}

  async record(
    reports: readonly PositionReport[],
    listed: ReadonlySet<string>,
    clock: TrackingClock,
  ): Promise<RecordedPositions> {
    const recorded: RecordedPositions = { outcomes: [], crossings: [] };
    for (const part of positionTransactions(reports)) {
      const { outcomes, crossings } = await this.outbox.transaction(async (session) => {
        const outcomes = await this.positions.write(part, session);
        const evaluated = await this.geofences.evaluate(outcomes, listed, clock, session);
        const { events, crossings } = reportEvents(outcomes, evaluated, clock.now);
        await this.outbox.add(events, session);
        return { outcomes, crossings };
      });
      recorded.outcomes.push(...outcomes);
      recorded.crossings.push(...crossings);
    }
    return recorded;
  }
}
