import type Database from "better-sqlite3";
import { aggregateOf, type DomainEvent, type EventType } from "./catalogue.js";
import { parsePayload } from "./delivery.js";
import { type AdmittedEvent, admitForStorage, erasedBy, pseudonymizer } from "./event-erasure.js";
import { peopleIn, TYPES_NAMING_PEOPLE, withoutPerson } from "./personal-data.js";

interface EventRow {
  position: number;
  id: string;
  type: string;
  payload: string;
  occurred_at: string;
}

const toEvent = (row: EventRow): DomainEvent =>
  // Appended from validated events only: read back as they were.
  ({
    id: row.id,
    type: row.type as EventType,
    payload: parsePayload(row.payload),
    occurredAt: row.occurred_at,
  }) as DomainEvent;

/** The `event_store_settings` row of the salt pseudonyms are made with. */
export const PSEUDONYM_SALT_SETTING = "pseudonym_salt";
/** Events read per step while indexing a store written by an older version. */
const INDEXING_PAGE = 1_000;

/**
 * The event store's share of erasure in its SQLite file (see event-erasure.ts): the people each
 * stored event names, the pseudonyms of erased people, and the salt they are made with. Its methods
 * run inside the store's write transactions.
 */
export class SqliteEventErasure {
  private readonly pseudonymOf: (personId: string) => string;
  private readonly isErasedStatement: Database.Statement<[string], { found: number }>;
  private readonly indexStatement: Database.Statement<[string, number]>;

  /** The tables come from the event store's migrations, run before it is built. */
  constructor(private readonly db: Database.Database) {
    const salt = db
      .prepare<[string], { value: string }>("SELECT value FROM event_store_settings WHERE name = ?")
      .get(PSEUDONYM_SALT_SETTING)?.value;
    if (salt === undefined) throw new Error("the event store has no pseudonym salt");
    this.pseudonymOf = pseudonymizer(salt);
    this.isErasedStatement = db.prepare("SELECT 1 AS found FROM erased_people WHERE pseudonym = ?");
    this.indexStatement = db.prepare(
      "INSERT OR IGNORE INTO stored_event_people (person, position) VALUES (?, ?)",
    );
  }

  /** The event as the store will keep it: see {@link admitForStorage}. */
  admit(event: DomainEvent): AdmittedEvent {
    return admitForStorage(
      event,
      this.pseudonymOf,
      (pseudonym) => this.isErasedStatement.get(pseudonym) !== undefined,
    );
  }

  /** Files a newly stored event under the people it names, for a later erasure to find. */
  index(position: number, people: readonly string[]): void {
    for (const person of people) this.indexStatement.run(person, position);
  }

  /**
   * Remembers the person as erased and redacts every stored event that names them or is filed under
   * their own aggregate; returns how many changed. Call it inside the transaction that appends the
   * erasure.
   */
  erase(personId: string): number {
    const pseudonym = this.pseudonymOf(personId);
    this.db
      .prepare("INSERT OR IGNORE INTO erased_people (pseudonym, erased_at) VALUES (?, ?)")
      .run(pseudonym, new Date().toISOString());
    const rows = this.db
      .prepare<{ person: string }, EventRow>(
        `SELECT position, id, type, payload, occurred_at FROM stored_events WHERE position IN (
           SELECT position FROM stored_event_people WHERE person = @person
           UNION SELECT position FROM stored_events WHERE aggregate_type = 'user' AND aggregate_id = @person
         )`,
      )
      .all({ person: personId });
    const rewrite = this.db.prepare<[string, string, string, number]>(
      "UPDATE stored_events SET payload = ?, aggregate_type = ?, aggregate_id = ? WHERE position = ?",
    );
    let changed = 0;
    for (const row of rows) {
      const redacted = withoutPerson(toEvent(row), personId, pseudonym);
      const aggregate = aggregateOf(redacted);
      changed += rewrite.run(
        JSON.stringify(redacted.payload),
        aggregate.type,
        aggregate.id,
        row.position,
      ).changes;
    }
    this.db.prepare("DELETE FROM stored_event_people WHERE person = ?").run(personId);
    return changed;
  }

  /**
   * Brings a file written before people were indexed up to date: indexes its events, then honours
   * the erasures it already holds, which that version stored without redacting anything. Run once,
   * by the event store's baseline migration.
   */
  indexStoredEvents(): void {
    const page = this.db.prepare<{ after: number; types: string; limit: number }, EventRow>(
      `SELECT position, id, type, payload, occurred_at FROM stored_events
       WHERE position > @after AND type IN (SELECT value FROM json_each(@types))
       ORDER BY position LIMIT @limit`,
    );
    const types = JSON.stringify(TYPES_NAMING_PEOPLE);
    const erased: string[] = [];
    for (let after = 0; ; ) {
      const rows = page.all({ after, types, limit: INDEXING_PAGE });
      for (const row of rows) {
        const event = toEvent(row);
        this.index(row.position, peopleIn(event));
        const erasing = erasedBy(event);
        if (erasing !== undefined) erased.push(erasing);
      }
      const last = rows.at(-1);
      if (!last) break;
      after = last.position;
    }
    for (const personId of erased) this.erase(personId);
  }
}
