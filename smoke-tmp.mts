import { Emulator, DEFAULT_OPTIONS } from "./emulator/emulator";
import { setFault } from "./emulator/faults";
const e = await Emulator.create({ ...DEFAULT_OPTIONS, risingwaveUrl: "postgresql://tideline:tideline@127.0.0.1:5432/rw_smoke", redisUrl: "redis://127.0.0.1:6379/12", archiveUrl: "file:///tmp/rw-smoke-archive", users: 500, items: 100, backfillSeconds: 3, log: console.log });
let now = Date.now();
await setFault(e.pool, "backfill", "user_item_affinity");
for (let i = 0; i < 3; i++) await e.tick((now += 1000));
await setFault(e.pool, "prometheus-down", "prometheus");
try { await e.pool.query("select * from rw_catalog.rw_kafka_job_lag"); } catch (err) { console.log("lag error:", (err as Error).message); }
await e.stop();
