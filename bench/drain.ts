// Offline drain: 5,000 check-ins recorded on a kiosk while the hub is down, then the time
// until the hub has them all after it comes back.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startAgent } from '../agent/agent.js'
import { createHub } from '../hub/server/app.js'
import { createPairingCode } from '../hub/kiosks/pairing.js'
import { EventStore } from '../hub/store/event-store.js'
import { createDemoEvent } from '../hub/demo/demo-event.js'
import { BENCH_DAY } from './fixtures.js'
import { ms, now, summary, table, type BenchResult } from './lib.js'

const CHECKINS = Number(process.env.BENCH_DRAIN ?? 5000)
const clock = () => new Date(`${BENCH_DAY}T09:00:00+03:00`)

async function openHub(dir: string, port = 0) {
  const { store } = await EventStore.open({
    dataDir: dir,
    now: clock,
    seed: (key) => createDemoEvent({ firstDay: BENCH_DAY, badgePublicKey: key }),
  })
  const hub = createHub({ store, now: clock, log: { info() {}, error() {} } })
  const address = await hub.listen(port, '127.0.0.1')
  return { hub, store, port: address.port }
}

const until = async (check: () => boolean) => {
  while (!check()) await new Promise((r) => setTimeout(r, 5))
}

export async function run(): Promise<BenchResult> {
  const hubDir = await mkdtemp(join(tmpdir(), 'karibu-bench-drain-hub-'))
  const kioskDir = await mkdtemp(join(tmpdir(), 'karibu-bench-drain-kiosk-'))
  const opened = await openHub(hubDir)
  let { hub, store } = opened
  const { port } = opened
  const { code } = await createPairingCode(store, 5)
  const agent = await startAgent({
    dataDir: kioskDir,
    port: 0,
    hubUrl: `http://127.0.0.1:${port}`,
    pairingCode: code,
    deskId: 'desk-1',
    now: clock,
    log: () => {},
  })
  await until(() => agent.kiosk.online && !!agent.kiosk.registry)
  await hub.close()
  await until(() => !agent.kiosk.online)

  const scans: number[] = []
  for (let i = 0; i < CHECKINS; i++) {
    const t0 = now()
    await agent.kiosk.scan({ attendeeId: `A${String((i % 1000) + 1).padStart(4, '0')}`, method: 'search' })
    scans.push(now() - t0)
  }
  const back = now()
  ;({ hub, store } = await openHub(hubDir, port))
  await until(() => store.ledger.records.size >= CHECKINS && agent.kiosk.records.outbox.size === 0)
  const drained = now() - back
  await agent.close()
  await hub.close()
  await rm(hubDir, { recursive: true, force: true })
  await rm(kioskDir, { recursive: true, force: true })
  const s = summary(scans)
  return {
    name: `Offline drain: ${CHECKINS.toLocaleString('en')} check-ins queued on a kiosk while the hub was down`,
    rows: [
      {
        'hub back → all stored and acknowledged ms': ms(drained),
        'offline scan (decide + fsync) p50 ms': ms(s.p50),
        'offline scan p99 ms': ms(s.p99),
      },
    ],
    notes: [
      'Includes the hub restart (store open), the kiosk reconnecting (its reconnect back-off is at most 2 s) and delivery in batches of 500.',
    ],
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(table(await run()))
