// Badges: how long a desk waits for one badge PDF ready to print, and how long the organiser
// waits for a 1,000-badge bulk PDF, both over HTTP from a real hub on the demo event.
// `npx tsx bench/badges.ts` prints the table; `npm run bench` runs it with the others.
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHub } from '../hub/app.js'
import { closeBadgeService } from '../hub/badges/badge-service.js'
import { createDemoEvent } from '../hub/demo/demo-event.js'
import { EventStore } from '../hub/store/event-store.js'
import { BENCH_DAY } from './fixtures.js'
import { longestBlock, ms, now, summary, table, type BenchResult } from './lib.js'

const SINGLES = 50
const BULK_RUNS = 3

export async function run(): Promise<BenchResult> {
  const dir = join(tmpdir(), `karibu-bench-badges-${process.pid}`)
  await rm(dir, { recursive: true, force: true })
  const { store, firstStart } = await EventStore.open({ dataDir: dir, seed: (key) => createDemoEvent({ firstDay: BENCH_DAY, badgePublicKey: key }) })
  const hub = createHub({ store, log: { info() {}, error() {} } })
  const { port } = await hub.listen(0, '127.0.0.1')
  const token = firstStart!.adminToken
  const fetchBytes = async (path: string): Promise<number> => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { Authorization: `Bearer ${token}` } })
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`)
    return (await res.arrayBuffer()).byteLength
  }
  const rows: BenchResult['rows'] = []
  try {
    await fetchBytes('/api/badges/A0001.pdf') // warm-up: fonts read, code paths compiled
    for (const [label, path] of [
      ['one badge PDF, CR80', (id: string) => `/api/badges/${id}.pdf?format=cr80`],
      ['one badge PDF, A6', (id: string) => `/api/badges/${id}.pdf?format=a6`],
      ['one badge HTML page (window.print)', (id: string) => `/badge/${id}?format=cr80`],
    ] as const) {
      const times: number[] = []
      let bytes = 0
      for (let i = 0; i < SINGLES; i++) {
        const id = `A${String(100 + i * 17).padStart(4, '0')}` // a different person each time
        const t0 = now()
        bytes = await fetchBytes(path(id))
        times.push(now() - t0)
      }
      const s = summary(times)
      rows.push({ case: label, runs: SINGLES, 'p50 ms': ms(s.p50), 'p95 ms': ms(s.p95), 'size KB': Math.round(bytes / 1024) })
    }
    for (const layout of ['single', 'sheet'] as const) {
      const times: number[] = []
      let bytes = 0
      let block = 0
      for (let i = 0; i < BULK_RUNS; i++) {
        const t0 = now()
        const { value, maxBlockMs } = await longestBlock(() => fetchBytes(`/api/badges.pdf?format=cr80&layout=${layout}`))
        times.push(now() - t0)
        bytes = value
        block = Math.max(block, maxBlockMs)
      }
      const s = summary(times)
      rows.push({
        case: `1,000 badges, bulk PDF (${layout === 'single' ? 'one per page' : 'A4 sheets of 10'})`,
        runs: BULK_RUNS,
        'p50 ms': ms(s.p50),
        'p95 ms': ms(s.max),
        'size KB': Math.round(bytes / 1024),
        'badges/s': Math.round(1000 / (s.p50 / 1000)),
        'longest loop block ms': ms(block),
      })
    }
  } finally {
    await closeBadgeService(hub.ctx)
    await hub.close()
    await rm(dir, { recursive: true, force: true })
  }
  return {
    name: 'Badges: PDF ready to print',
    rows,
    notes: [
      `Over HTTP from a hub on the demo event (1,000 attendees); single badges: ${SINGLES} different attendees after one warm-up; bulk: median of ${BULK_RUNS} (p95 column = slowest run).`,
      'Time is to the last byte received. The QR encoder (mask choice) is about a third of the cost; text set in embedded DejaVu Sans.',
      'The bulk run yields to the event loop every 10 badges, so check-ins are not held up while it draws: see the longest loop block.',
    ],
  }
}

export default run

if (import.meta.url === `file://${process.argv[1]}`) console.log(table(await run()))
