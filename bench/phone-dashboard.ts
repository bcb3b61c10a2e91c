// An usher's phone on poor venue Wi-Fi: the dashboard page from a real hub in real Chromium at
// 390×844 (mobile), the network at 1.6 Mbps down / 750 kbps up / 150 ms RTT and the CPU 4×
// slower (Chrome DevTools Protocol). Times from navigation to the first live figures painted on a
// cold cache (a fresh browser context each run) and a warm one (the same context again); then the
// network drops for 10 s while a desk checks people in, and the time from its return until the
// page shows the figures with those check-ins. The same page unthrottled is the reference.
// Needs the renderer build (`npm run build:renderer`). `npx tsx bench/phone-dashboard.ts`.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core'
import { io } from 'socket.io-client'
import { createHub } from '../hub/server/app.js'
import { createDemoEvent } from '../hub/demo/demo-event.js'
import { createPairingCode, pairKiosk } from '../hub/kiosks/pairing.js'
import { EventStore } from '../hub/store/event-store.js'
import { localDate } from '../shared/event-days.js'
import { launchChromium, ms, summary, table, throttle, type BenchResult, type Throttle } from './lib.js'

const RUNS = Number(process.env.BENCH_PHONE_RUNS ?? 5)
const OFFLINE_RUNS = Number(process.env.BENCH_PHONE_OFFLINE_RUNS ?? 3)
const OFFLINE_MS = 10_000
const PHONE: Throttle = { cpu: 4, network: { latencyMs: 150, downKbps: 1600, upKbps: 750 } }

type Probe = { figuresAt: number | null; freshAt: number | null; wantSeq: number }
type G = { karibuPhone: Probe } & typeof globalThis

/** In the page before its code: the first frame painted with figures, and (Date.now) the first with lastSeq ≥ wantSeq. */
function installProbe() {
  const g = globalThis as unknown as G & {
    MutationObserver: new (cb: () => void) => { observe(el: unknown, o: object): void }
    document: { querySelector(s: string): { getAttribute(n: string): string | null } | null }
    requestAnimationFrame(cb: () => void): void
  }
  const probe: Probe = { figuresAt: null, freshAt: null, wantSeq: Infinity }
  g.karibuPhone = probe
  new g.MutationObserver(() => {
    if (probe.figuresAt === null && g.document.querySelector('[data-testid="checked-in-total"]'))
      g.requestAnimationFrame(() => (probe.figuresAt ??= performance.now()))
    const seq = Number(g.document.querySelector('[data-last-seq]')?.getAttribute('data-last-seq') ?? -1)
    if (probe.freshAt === null && seq >= probe.wantSeq) g.requestAnimationFrame(() => (probe.freshAt ??= Date.now()))
  }).observe(g.document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-last-seq'] })
}

const probe = (page: Page) => page.evaluate(() => (globalThis as unknown as G).karibuPhone)
const waitProbe = (page: Page, key: 'figuresAt' | 'freshAt', timeout = 30_000) =>
  page.waitForFunction((k) => (globalThis as unknown as G).karibuPhone[k as 'figuresAt'] !== null, key, { timeout, polling: 20 })

interface Bytes {
  total: number
  js: number
  requests: number
}

/** Bytes over the wire (headers included) per load, as Chromium's network stack counts them. */
function countBytes(cdp: CDPSession) {
  const types = new Map<string, string>()
  let bytes: Bytes = { total: 0, js: 0, requests: 0 }
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type))
  cdp.on('Network.loadingFinished', (e) => {
    bytes.total += e.encodedDataLength
    bytes.requests++
    if (types.get(e.requestId) === 'Script') bytes.js += e.encodedDataLength
  })
  return {
    take() {
      const b = bytes
      bytes = { total: 0, js: 0, requests: 0 }
      return b
    },
  }
}

async function phonePage(
  browser: Browser,
  t: Throttle | null,
): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession; bytes: ReturnType<typeof countBytes> }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true })
  await context.addInitScript(installProbe)
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  const bytes = countBytes(cdp)
  if (t) await throttle(cdp, t)
  return { context, page, cdp, bytes }
}

interface Venue {
  url: string
  /** the link the hub prints for ushers (their credential in the fragment) */
  link: string
  /** a desk checks the next person in; the record's seq */
  checkIn(): Promise<number>
  close(): Promise<void>
}

/** A real hub on the demo event serving the pages from `staticDir`, and one paired desk on its socket. */
async function openVenue(staticDir: string | undefined): Promise<Venue> {
  const root = await mkdtemp(join(tmpdir(), 'karibu-bench-phone-'))
  // the real clock: the desk's check-ins land on today, the day the dashboard opens on
  const { store, firstStart } = await EventStore.open({
    dataDir: root,
    seed: (key) => createDemoEvent({ firstDay: localDate('Africa/Dar_es_Salaam', new Date()), badgePublicKey: key }),
  })
  const hub = createHub({ store, log: { info() {}, error() {} }, ...(staticDir ? { staticDir } : {}) })
  const { port } = await hub.listen(0, '127.0.0.1')
  const url = `http://127.0.0.1:${port}`
  const { code } = await createPairingCode(store, 5)
  const kiosk = (await pairKiosk(store, { code, name: 'bench desk' }))!
  const desk = io(url, { auth: { token: kiosk.token }, transports: ['websocket'] })
  await new Promise<void>((resolve, reject) => desk.once('connect', resolve).once('connect_error', reject))
  let attendee = 0
  const venue: Venue = {
    url,
    link: `${url}/dashboard#token=${firstStart!.usherToken}`,
    async checkIn() {
      const seq = ++attendee
      const res = (await desk.timeout(5000).emitWithAck('checkin:submit', {
        id: randomBytes(12).toString('base64url'),
        attendeeId: `A${String(seq).padStart(4, '0')}`,
        deskId: 'desk-1',
        kioskId: kiosk.kioskId,
        kind: 'in',
        method: 'search',
        scannedAt: new Date().toISOString(),
        clockOffsetMs: 0,
      })) as { ok: boolean; record?: { seq: number } }
      if (!res.ok || !res.record) throw new Error(`check-in refused: ${JSON.stringify(res)}`)
      return res.record.seq
    },
    async close() {
      desk.disconnect()
      await hub.close()
      await rm(root, { recursive: true, force: true })
    },
  }
  await venue.checkIn()
  return venue
}

const kb = (n: number) => (n / 1024).toFixed(1)

async function measure(browser: Browser, venue: Venue, build: string, label: string, t: Throttle | null): Promise<BenchResult['rows']> {
  const { url, link } = venue
  const rows: BenchResult['rows'] = []
  const cold: number[] = []
  const warm: number[] = []
  let coldBytes: Bytes = { total: 0, js: 0, requests: 0 }
  let warmBytes: Bytes = { total: 0, js: 0, requests: 0 }
  for (let i = 0; i < RUNS; i++) {
    const { context, page, bytes } = await phonePage(browser, t)
    await page.goto(link, { waitUntil: 'commit' })
    await waitProbe(page, 'figuresAt')
    cold.push((await probe(page)).figuresAt!)
    // the rest of the page (the chart's frame) settles before the byte count
    await page.waitForLoadState('networkidle').catch(() => {})
    coldBytes = bytes.take()
    // the usher opens it again later: same browser, its cache and its stored credential
    await page.goto(`${url}/dashboard`, { waitUntil: 'commit' })
    await waitProbe(page, 'figuresAt')
    warm.push((await probe(page)).figuresAt!)
    await page.waitForLoadState('networkidle').catch(() => {})
    warmBytes = bytes.take()
    await context.close()
  }
  const c = summary(cold)
  const w = summary(warm)
  rows.push({
    build,
    page: label,
    case: 'cold cache → first live figures',
    runs: cold.length,
    'p50 ms': ms(c.p50),
    'max ms': ms(c.max),
    'KB over the wire': kb(coldBytes.total),
    'of it JS KB': kb(coldBytes.js),
    requests: coldBytes.requests,
  })
  rows.push({
    build,
    page: label,
    case: 'warm cache → first live figures',
    runs: warm.length,
    'p50 ms': ms(w.p50),
    'max ms': ms(w.max),
    'KB over the wire': kb(warmBytes.total),
    'of it JS KB': kb(warmBytes.js),
    requests: warmBytes.requests,
  })

  // the venue's Wi-Fi drops for 10 s while the desk keeps checking people in
  const back: number[] = []
  for (let i = 0; i < OFFLINE_RUNS; i++) {
    const { context, page, cdp } = await phonePage(browser, t)
    await page.goto(link, { waitUntil: 'commit' })
    await waitProbe(page, 'figuresAt')
    await cdp.send('Network.emulateNetworkConditions', { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 })
    const dropped = Date.now()
    let last = 0
    while (Date.now() - dropped < OFFLINE_MS) {
      last = await venue.checkIn()
      await new Promise((r) => setTimeout(r, 500))
    }
    await page.evaluate((s) => ((globalThis as unknown as G).karibuPhone.wantSeq = s), last)
    const net = t?.network
    const returned = Date.now()
    await cdp.send(
      'Network.emulateNetworkConditions',
      net
        ? {
            offline: false,
            latency: net.latencyMs,
            downloadThroughput: (net.downKbps * 1000) / 8,
            uploadThroughput: (net.upKbps * 1000) / 8,
          }
        : { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 },
    )
    await waitProbe(page, 'freshAt')
    back.push((await probe(page)).freshAt! - returned)
    await context.close()
  }
  const b = summary(back)
  rows.push({
    build,
    page: label,
    case: `network back after ${OFFLINE_MS / 1000} s off → fresh figures`,
    runs: back.length,
    'p50 ms': ms(b.p50),
    'max ms': ms(b.max),
  })
  return rows
}

export async function run(): Promise<BenchResult> {
  // BENCH_PHONE_BEFORE: another build of the pages (an older commit's dist/renderer), measured in the same run
  const builds: [string, string | undefined][] = [['this one', undefined]]
  if (process.env.BENCH_PHONE_BEFORE)
    builds.push([`before (${process.env.BENCH_PHONE_BEFORE_NAME ?? 'BENCH_PHONE_BEFORE'})`, process.env.BENCH_PHONE_BEFORE])
  const rows: BenchResult['rows'] = []
  const browser = await launchChromium()
  try {
    for (const [build, dir] of builds) {
      const venue = await openVenue(dir)
      try {
        rows.push(...(await measure(browser, venue, build, 'unthrottled (reference)', null)))
        rows.push(...(await measure(browser, venue, build, 'phone: 1.6 Mbps / 750 kbps / 150 ms, CPU 4×', PHONE)))
      } finally {
        await venue.close()
      }
    }
  } finally {
    await browser.close()
  }
  return {
    name: "An usher's phone on poor venue Wi-Fi: the dashboard in Chromium at 390×844",
    rows,
    notes: [
      "From navigation (the page's time origin) to the first animation frame with the day's figures in the DOM: HTML, JavaScript, and the first answer with figures (now the page's `GET /api/stats`, before: the socket's handshake and `stats:get`).",
      'Cold: a fresh browser context (empty cache, the credential in the link). Warm: the same context opening /dashboard again (cache and stored credential). KB: bytes Chromium received for that load, headers included.',
      "Network drop: CDP offline for 10 s while a desk checks someone in every 0.5 s; from the network's return to the frame showing the last of them.",
    ],
  }
}

export default run

if (import.meta.url === `file://${process.argv[1]}`) console.log(table(await run()))
