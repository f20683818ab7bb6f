import { outboxContract } from "./outbox.contract.js";
import { openSqliteHandle } from "./subgraph-stores.js";

outboxContract("SQLite", async () => {
  const { db, outbox } = openSqliteHandle(":memory:", "outbox-test", []);
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
