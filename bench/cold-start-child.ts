// Child of bench/cold-start.ts: opens the store and starts the hub, then reports timings
// measured from this process's own start, and its resident memory.
import { createHub } from '../hub/server/app.js'
import { EventStore } from '../hub/store/event-store.js'
import { createDemoEvent } from '../hub/demo/demo-event.js'
import { BENCH_DAY } from './fixtures.js'

const dataDir = process.argv[2]!
const t0 = performance.now()
const cpu0 = process.cpuUsage()
const { store } = await EventStore.open({ dataDir, seed: (key) => createDemoEvent({ firstDay: BENCH_DAY, badgePublicKey: key }) })
const opened = performance.now()
const cpu = process.cpuUsage(cpu0)
const hub = createHub({ store, log: { info() {}, error() {} } })
await hub.listen(0, '127.0.0.1')
const listening = performance.now()
console.log(
  JSON.stringify({
    sinceProcessStart: listening,
    storeOpen: opened - t0,
    storeOpenCpu: (cpu.user + cpu.system) / 1000,
    modulesLoaded: t0,
    rssMB: process.memoryUsage().rss / 2 ** 20,
    records: store.ledger.records.size,
  }),
)
await hub.close()
