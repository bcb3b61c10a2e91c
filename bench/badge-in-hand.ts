// Time to badge-in-hand: from the kiosk screen's one `badge:print` request to its agent (what the
// Print button at a desk with a hub printer sends; the agent has the hub print it on the desk's
// queue) to CUPS reporting the job `completed` at the printer queue, for one badge on
// each stock through its real driver (Zebra ZPL, Brother QL, DYMO LabelWriter; cups-pdf for the
// card and A6 stand-in), and the desk's rate with printing. A private cupsd; the label printers
// are stand-ins on 127.0.0.1 that take the bytes as a network printer would (no print head:
// a real printer adds its own print time, 1–3 s for a label). `npx tsx bench/badge-in-hand.ts`.
import { execFile } from 'node:child_process'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { startAgent } from '../agent/agent.js'
import { createHub } from '../hub/server/app.js'
import { createDemoEvent } from '../hub/demo/demo-event.js'
import { createPairingCode } from '../hub/kiosks/pairing.js'
import { EventStore } from '../hub/store/event-store.js'
import { RESULT_MS } from '../renderer/src/pages/kiosk/logic/outcome-view.js'
import { STOCKS, type BadgeStockId } from '../shared/badges/badge-stock.js'
import { startCups } from '../tests/helpers/cups.js'
import { openKioskScreen } from '../tests/helpers/kiosk-client.js'
import { startLabelPrinter, type LabelPrinter } from '../tests/helpers/label-printer.js'
import { until } from '../tests/helpers/until.js'
import { BENCH_DAY } from './fixtures.js'
import { ms, now, summary, type BenchResult } from './lib.js'

const exec = promisify(execFile)
const SINGLES = Number(process.env.BENCH_BADGES ?? 8)
const BURST = 8

const QUEUES: Record<string, { ppd: string | null }> = {
  Zebra: { ppd: 'drv:///sample.drv/zebra.ppd' },
  BrotherQL: { ppd: 'ptouch:0/ppd/ptouch-driver/Brother-QL-570-ptouch-ql.ppd' },
  Dymo: { ppd: 'dymo:0/cups/model/lw450.ppd' },
  BadgePDF: { ppd: null },
}
const STOCK_QUEUE: Record<BadgeStockId, string> = {
  cr80: 'BadgePDF',
  a6: 'BadgePDF',
  'zebra-4x3': 'Zebra',
  'zebra-4x6': 'Zebra',
  'brother-62': 'BrotherQL',
  'brother-62x100': 'BrotherQL',
  'dymo-89x36': 'Dymo',
  'dymo-54x101': 'Dymo',
}

export async function run(): Promise<BenchResult> {
  const dir = join(tmpdir(), `karibu-bench-badge-in-hand-${process.pid}`)
  await rm(dir, { recursive: true, force: true })
  const cups = await startCups()
  const env = { ...process.env, CUPS_SERVER: cups.server }
  const saved = process.env.CUPS_SERVER
  process.env.CUPS_SERVER = cups.server
  const printers: LabelPrinter[] = []
  const { store, firstStart } = await EventStore.open({
    dataDir: dir,
    seed: (key) => createDemoEvent({ firstDay: BENCH_DAY, badgePublicKey: key }),
  })
  const hub = createHub({ store, log: { info() {}, error() {} } })
  const { port } = await hub.listen(0, '127.0.0.1')
  const token = firstStart!.adminToken
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const json = (await res.json()) as { ok: boolean; jobs?: { cupsJobId?: string }[] }
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${JSON.stringify(json)}`)
    return json
  }
  const deskId = store.registry.event.desks[0]!.id
  await call('PUT', `/api/desk-printers/${deskId}`, { printer: 'BadgePDF', stock: 'cr80' })
  // the desk's kiosk: its agent paired at the desk, and a screen on its local socket as the page has
  const { code } = await createPairingCode(store, 5)
  const agent = await startAgent({
    dataDir: join(dir, 'kiosk'),
    port: 0,
    hubUrl: `http://127.0.0.1:${port}`,
    pairingCode: code,
    kioskName: 'Bench desk',
    deskId,
    log: () => {},
    // answered once CUPS took the job: the bench watches for `completed` itself
    printFollow: { waitMs: 0, everyMs: 20 },
  })
  await until(() => agent.kiosk.registry && agent.kiosk.printerAssigned === true, 20_000, 'the bench kiosk to hear its desk has a printer')
  const screen = await openKioskScreen(agent)
  screen.on('badge:print-local', (_request, ack) => ack({ ok: false, error: 'not_this_path' }))
  /** The Print button's one request; when the screen was answered, and the CUPS job the hub made of it. */
  const printBadge = async (attendeeId: string): Promise<{ answeredAt: number; cupsJobId: string }> => {
    const answer = await screen.timeout(30_000).emitWithAck('badge:print', { attendeeId })
    const answeredAt = now()
    if (!answer.ok || answer.outcome.via !== 'hub') throw new Error(`${attendeeId}: ${JSON.stringify(answer)}`)
    const cupsJobId = (await call('GET', `/api/print-jobs?attendeeId=${attendeeId}&limit=1`)).jobs?.[0]?.cupsJobId
    if (!cupsJobId) throw new Error(`${attendeeId}: no CUPS job`)
    return { answeredAt, cupsJobId }
  }
  // the bench watches CUPS itself, every 20 ms, so its figures are not the hub follower's 500 ms steps
  const completedAt = async (cupsJobId: string, queue: string): Promise<number> => {
    for (;;) {
      const { stdout } = await exec('lpstat', ['-W', 'completed', '-o', queue], { env })
      if (stdout.split('\n').some((l) => l.startsWith(`${cupsJobId} `))) return now()
      await new Promise((r) => setTimeout(r, 20))
    }
  }
  const rows: BenchResult['rows'] = []
  let person = 100
  const nextId = () => `A${String(person++).padStart(4, '0')}`
  try {
    for (const [name, q] of Object.entries(QUEUES)) {
      if (q.ppd === null) await cups.addPdfPrinter(name)
      else {
        const p = await startLabelPrinter(dir, name)
        printers.push(p)
        await cups.addLabelPrinter(name, p.uri, q.ppd)
      }
    }
    for (const stockId of Object.keys(STOCK_QUEUE) as BadgeStockId[]) {
      const queue = STOCK_QUEUE[stockId]
      await call('PUT', `/api/desk-printers/${deskId}`, { printer: queue, stock: stockId })
      const spooled: number[] = []
      const completed: number[] = []
      for (let i = 0; i <= SINGLES; i++) {
        const t0 = now()
        const { answeredAt: t1, cupsJobId } = await printBadge(nextId())
        const done = await completedAt(cupsJobId, queue)
        if (i === 0) continue // warm-up: fonts read, the driver's first start
        spooled.push(t1 - t0)
        completed.push(done - t0)
      }
      // a queue of people: BURST badges asked for back to back; the printer queue's own rate
      const t0 = now()
      const jobs = []
      for (let i = 0; i < BURST; i++) jobs.push((await printBadge(nextId())).cupsJobId)
      await Promise.all(jobs.map((id) => completedAt(id, queue)))
      const perBadgeS = (now() - t0) / 1000 / BURST
      const s = summary(completed)
      const answerS = RESULT_MS.good / 1000
      rows.push({
        stock: stockId,
        driver: queue === 'BadgePDF' ? 'cups-pdf' : queue,
        media: STOCKS[stockId].media,
        runs: SINGLES,
        'spooled p50 ms': ms(summary(spooled).p50),
        'completed p50 ms': ms(s.p50),
        'completed p95 ms': ms(s.p95),
        'queue s/badge': Number(perBadgeS.toFixed(2)),
        'desk people/min': Number((60 / Math.max(answerS, perBadgeS)).toFixed(1)),
      })
    }
  } finally {
    screen.disconnect()
    await agent.close()
    await hub.close()
    await cups.stop()
    for (const p of printers) await p.stop()
    if (saved === undefined) delete process.env.CUPS_SERVER
    else process.env.CUPS_SERVER = saved
    await rm(dir, { recursive: true, force: true })
  }
  return {
    name: 'Time to badge-in-hand: Print button (one request to the agent) → CUPS job completed',
    rows,
    notes: [
      `One desk on the demo event; per stock ${SINGLES} badges one at a time after a warm-up (a different attendee each), then ${BURST} back to back.`,
      'The kiosk screen sends one `badge:print` to its agent; the agent has the hub print on the desk’s queue. "spooled" is the screen’s answer (lp accepted the job); "completed" is CUPS’s job state `completed`, seen by polling lpstat every 20 ms.',
      `Desk rate: people per minute when printing overlaps the next person, bound by the answer screen (${RESULT_MS.good / 1000} s for a good check-in) or the queue, whichever is slower. A real label printer adds its print time.`,
    ],
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { table } = await import('./lib.js')
  console.log(table(await run()))
}
