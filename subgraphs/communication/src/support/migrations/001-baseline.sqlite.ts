import type { SqliteMigration } from "@venta/store";

/** The tables support started with: tickets, their replies and the agents seen. */
export const supportBaseline: SqliteMigration = {
  version: 1,
  name: "tickets, replies and agents",
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS support_tickets (
        id TEXT PRIMARY KEY,
        requester_id TEXT NOT NULL,
        subject TEXT NOT NULL,
        body TEXT NOT NULL,
        category TEXT,
        state TEXT NOT NULL,
        assignee_id TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        closed_at INTEGER
      );
      CREATE INDEX IF NOT EXISTS support_tickets_by_requester ON support_tickets (requester_id, created_at, id);
      CREATE INDEX IF NOT EXISTS support_tickets_by_state ON support_tickets (state, created_at, id);
      CREATE INDEX IF NOT EXISTS support_tickets_by_assignee ON support_tickets (assignee_id, created_at, id);
      CREATE TABLE IF NOT EXISTS support_replies (
        id TEXT PRIMARY KEY,
        ticket_id TEXT NOT NULL,
        author_id TEXT NOT NULL,
        author_role TEXT NOT NULL,
        body TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS support_replies_by_ticket ON support_replies (ticket_id, created_at, id);
      CREATE INDEX IF NOT EXISTS support_replies_by_author ON support_replies (author_id);
      CREATE TABLE IF NOT EXISTS support_agents (
        user_id TEXT PRIMARY KEY,
        first_seen_at INTEGER NOT NULL
      );
    `);
  },
};
