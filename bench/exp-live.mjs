import { startServices } from "./dist/services.js";
import { measureLiveLatency, SUBSCRIPTIONS_PER_SOCKET } from "./dist/live-latency.js";
import { pickMovers } from "./dist/movers.js";
import { readFileSync } from "node:fs";
import { execSync } from "node:child_process";
const s = await startServices("/work/main/bench/.data/100000-2026", { REDIS_URL: "redis://127.0.0.1:6379", MAX_SUBSCRIPTIONS_PER_CONNECTION: String(SUBSCRIPTIONS_PER_SOCKET) });
const pids = execSync("ps -eo pid,args | grep 'dist/main.js' | grep -v grep").toString().trim().split("\n").map((l) => { const [pid, , path] = l.trim().split(/\s+/); return [pid, path.split("/").slice(-3)[0]]; });
const ticks = (pid) => { const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" "); return Number(f[11]) + Number(f[12]); };
const prev = new Map(pids.map(([p]) => [p, ticks(p)]));
let started = false;
const sampler = setInterval(() => {
  if (!started && process.env.PROFILE) { started = true; setTimeout(() => { for (const [p, n] of pids) if (n !== 'communication') process.kill(Number(p), 'SIGUSR2'); }, Number(process.env.PROFILE_DELAY ?? 12000)); }
  console.error(pids.map(([p, n]) => { const t = ticks(p); const d = t - prev.get(p); prev.set(p, t); return `${n}:${d / 2}%`; }).join(" "));
}, 2000);
const fig = await measureLiveLatency({ vendors: 100000, seed: 2026, url: s.graphql.router, headers: s.admin.router, subscriptions: Number(process.env.SUBS ?? 10000), movers: pickMovers(100000, 2026, 200), updateRate: 100, durationSeconds: 10, feed: "redis" });
clearInterval(sampler);
console.log(JSON.stringify({ lat: fig.latencyMs, missing: fig.missing, errors: fig.errors }));
await s.stop();
process.exit(0);
