// Drives "updateVendorLocations ×100" straight at location for N seconds with every consumer
// running, then waits for the outbox and marketplace's consumers to drain; reports update rate,
// marketplace CPU during the load and the drain, drain time, and whether anything was lost.
// usage: node bc-measure.mjs <repo root> <label> <seconds> <out.json>
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const [root, label, secondsText, out] = process.argv.slice(2);
const seconds = Number(secondsText ?? 20);
const require = createRequire(join(root, "package.json"));
const Database = require("better-sqlite3");
const { startServices } = await import(join(root, "bench/dist/services.js"));
const { measureUpdateThroughput } = await import(join(root, "bench/dist/update-throughput.js"));
const dataDir = join(root, "bench/.data/100000-2026");

const TICKS = 100; // USER_HZ
const serviceCpu = (name) => {
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    let cmd;
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
    } catch {
      continue;
    }
    if (!cmd.includes(join(root, "subgraphs", name))) continue;
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS; // utime + stime, seconds
  }
  return Number.NaN;
};
const cpu = () => ({ marketplace: serviceCpu("marketplace"), location: serviceCpu("location") });

const bus = () => new Database(join(dataDir, "events.db"), { readonly: true, fileMustExist: true });
const counts = () => {
  const db = bus();
  const events = db.prepare("SELECT COUNT(*) AS n FROM events WHERE type = 'location.vendor_location_updated'").get().n;
  const head = db.prepare("SELECT MAX(seq) AS s FROM events").get().s ?? 0;
  const offsets = Object.fromEntries(
    db
      .prepare("SELECT consumer, seq FROM consumer_offsets WHERE consumer LIKE 'marketplace.%' OR consumer = 'event-store'")
      .all()
      .map((r) => [r.consumer, r.seq]),
  );
  const dead = db.prepare("SELECT COUNT(*) AS n FROM dead_letters").get().n;
  db.close();
  const location = new Database(join(dataDir, "location.db"), { readonly: true });
  const outbox = location.prepare("SELECT COUNT(*) AS n FROM outbox").get().n;
  location.close();
  const store = new Database(join(dataDir, "event-store.db"), { readonly: true });
  const stored = store
    .prepare("SELECT COUNT(*) AS n FROM stored_events WHERE type = 'location.vendor_location_updated'")
    .get().n;
  store.close();
  return { events, head, offsets, dead, outbox, stored };
};

const services = await startServices(dataDir);
try {
  const before = counts();
  const cpu0 = cpu();
  const t0 = performance.now();
  const figure = await measureUpdateThroughput({
    vendors: 100_000,
    seed: 2026,
    target: "location direct",
    url: services.graphql.location,
    headers: services.admin.location,
    mutation: "updateVendorLocations ×100",
    durationSeconds: seconds,
    warmupSeconds: 3,
  });
  const cpu1 = cpu();
  const t1 = performance.now();
  const atEnd = counts();
  // Drained: the outbox is empty and the position consumers and the recorder are at the head.
  const watched = ["event-store", "marketplace.loyalty-vendor-positions", "marketplace.search-index"];
  let now = atEnd;
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    now = counts();
    if (now.outbox === 0 && watched.every((c) => (now.offsets[c] ?? 0) >= now.head)) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const cpu2 = cpu();
  const t2 = performance.now();
  const result = {
    label,
    seconds,
    updatesPerSecond: Math.round(figure.updatesPerSecond),
    acceptedUpdates: figure.acceptedUpdates,
    errors: figure.errors,
    loadSeconds: +((t1 - t0) / 1000).toFixed(1),
    marketplaceCpuDuringLoad: +(cpu1.marketplace - cpu0.marketplace).toFixed(1),
    locationCpuDuringLoad: +(cpu1.location - cpu0.location).toFixed(1),
    drainSecondsAfterLoad: +((t2 - t1) / 1000).toFixed(1),
    marketplaceCpuLoadAndDrain: +(cpu2.marketplace - cpu0.marketplace).toFixed(1),
    outboxAtLoadEnd: atEnd.outbox,
    busPositionEvents: now.events - before.events,
    storedPositionEvents: now.stored - before.stored,
    deadLetters: now.dead - before.dead,
    drained: now.outbox === 0 && watched.every((c) => (now.offsets[c] ?? 0) >= now.head),
    lagAtLoadEnd: Object.fromEntries(watched.map((c) => [c, atEnd.head - (atEnd.offsets[c] ?? 0)])),
    load: await import("node:os").then((os) => os.loadavg().map((l) => +l.toFixed(2))),
  };
  console.log(JSON.stringify(result));
  if (out) writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
} finally {
  await services.stop();
}
