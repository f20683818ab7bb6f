import Database from "better-sqlite3";
import { outboxContract } from "./outbox.contract.js";
import { SqliteOutbox } from "./outbox.sqlite.js";

outboxContract("SQLite", async () => {
  const db = new Database(":memory:");
  const outbox = new SqliteOutbox(db);
  db.exec("CREATE TABLE writes (n INTEGER)");
  const write = db.prepare("INSERT INTO writes (n) VALUES (1)");
  return {
    outbox,
    commit: async (events) => {
      db.transaction(() => {
        write.run();
        outbox.add(events);
      })();
    },
    rollBack: async (events) => {
      db.transaction(() => {
        write.run();
        outbox.add(events);
        throw new Error("the write failed after recording its events");
      })();
    },
    close: async () => {
      db.close();
    },
  };
});
