import type { MongoMigration } from "@venta/store";
import type { InboundProvider } from "../inbound/inbound-event.record.js";
import { subjectUserIdOf } from "../inbound/inbound-subject.js";

interface UnnotedEvent {
  _id: string;
  provider: InboundProvider;
  body: string | null;
}

/**
 * Inbound events stored before subjects were noted get theirs, so that erasing a person finds
 * them. Events stored since always carry `subjectUserId` (null when the body names nobody).
 */
export const inboundSubjects: MongoMigration = {
  version: 1,
  name: "note the subjects of inbound events",
  async up(connection) {
    const events = connection.collection<UnnotedEvent>("inbound_webhook_events");
    const unnoted = events.find(
      { subjectUserId: { $exists: false } },
      { projection: { provider: 1, body: 1 } },
    );
    for await (const doc of unnoted) {
      const subjectUserId = doc.body ? subjectUserIdOf(doc.provider, doc.body) : null;
      await events.updateOne({ _id: doc._id }, { $set: { subjectUserId } });
    }
  },
};
