// Badges: how long a desk waits for one badge PDF ready to print, and how long the organiser
// waits for a 1,000-badge bulk PDF, both over HTTP from a real hub on the demo event.
// `npx tsx bench/badges.ts` prints the table; `npm run bench` runs it with the others.
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHub } from '../hub/server/app.js'
import { BadgePdf, layoutForPdf } from '../hub/badges/badge-pdf.js'
import { createDemoEvent } from '../hub/demo/demo-event.js'
import { EventStore } from '../hub/store/event-store.js'
import { BENCH_DAY } from './fixtures.js'
import { longestBlock, ms, now, summary, table, type BenchResult } from './lib.js'

const SINGLES = 50
const BULK_RUNS = 3

/**
 * The way before issue 19, as the reference in the same run: the bulk PDF laid out and drawn
 * on the hub's main thread, yielding every 10 badges, bytes counted as they come (no HTTP).
 */
async function drawOnMainThread(store: EventStore, layout: 'single' | 'sheet'): Promise<number> {
  const pdf = new BadgePdf('cr80', layout, 'Karibu badges')
  let bytes = 0
  pdf.doc.on('data', (c: Buffer) => (bytes += c.length))
  const ended = new Promise((r) => pdf.doc.once('end', r))
  const event = store.registry.event
  let i = 0
  for (const a of store.registry.attendees) {
    pdf.add(
      layoutForPdf({ event, attendee: a, code: store.signBadge({ attendeeSeq: a.seq, badgeVersion: a.badgeVersion }), format: 'cr80' }),
    )
    if (i++ % 10 === 9) await new Promise((r) => setImmediate(r))
  }
  pdf.end()
  await ended
  return bytes
}

export async function run(): Promise<BenchResult> {
  const dir = join(tmpdir(), `karibu-bench-badges-${process.pid}`)
  await rm(dir, { recursive: true, force: true })
  const { store, firstStart } = await EventStore.open({
    dataDir: dir,
    seed: (key) => createDemoEvent({ firstDay: BENCH_DAY, badgePublicKey: key }),
  })
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
    // and the badge drawer's thread started (loading TypeScript through tsx there too), with one small group's badges
    await fetchBytes(`/api/badges.pdf?format=cr80&group=${encodeURIComponent(store.registry.event.groups[0]!.id)}`)
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
      for (const way of ['worker', 'main'] as const) {
        const times: number[] = []
        let bytes = 0
        let block = 0
        let p99 = 0
        for (let i = 0; i < BULK_RUNS; i++) {
          const t0 = now()
          const { value, maxBlockMs, p99BlockMs } = await longestBlock(() =>
            way === 'worker' ? fetchBytes(`/api/badges.pdf?format=cr80&layout=${layout}`) : drawOnMainThread(store, layout),
          )
          times.push(now() - t0)
          bytes = value
          block = Math.max(block, maxBlockMs)
          p99 = Math.max(p99, p99BlockMs)
        }
        const s = summary(times)
        rows.push({
          case: `1,000 badges, bulk PDF (${layout === 'single' ? 'one per page' : 'A4 sheets of 10'})${way === 'worker' ? ', over HTTP: now' : ', main thread, no HTTP: before'}`,
          runs: BULK_RUNS,
          'p50 ms': ms(s.p50),
          'p95 ms': ms(s.max),
          'size KB': Math.round(bytes / 1024),
          'badges/s': Math.round(1000 / (s.p50 / 1000)),
          'longest loop block ms': ms(block),
          'loop delay p99 ms': ms(p99),
        })
      }
    }
  } finally {
    await hub.close()
    await rm(dir, { recursive: true, force: true })
  }
  return {
    name: 'Badges: PDF ready to print',
    rows,
    notes: [
      `Over HTTP from a hub on the demo event (1,000 attendees); single badges: ${SINGLES} different attendees after one warm-up; bulk: median of ${BULK_RUNS} (p95 column = slowest run).`,
      'Time is to the last byte received; text set in embedded DejaVu Sans.',
      "Now: the bulk PDF is laid out and drawn in the badge drawer's thread (hub/badges/badge-draw.ts) and streamed; the main thread signs the codes 50 at a time and passes bytes on. Before: the same drawing on the main thread, yielding every 10 badges (no HTTP, so it flatters the old way). Loop delay: the main thread's over the whole bulk run (perf_hooks monitorEventLoopDelay, 1 ms resolution), the longest and the 99th percentile across the runs; on a shared machine the longest also counts the time the thread was not scheduled at all. The drawer thread is started before (one group's badges as a warm-up).",
    ],
  }
}

export default run

if (import.meta.url === `file://${process.argv[1]}`) console.log(table(await run()))
