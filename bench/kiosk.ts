// Kiosk screen in real Chromium, against a real agent paired with a real hub (demo event):
//  - decoded → on screen: a USB-scanner code complete (its Enter) until the answer is painted;
//  - camera start → first decode: getUserMedia called until the answer for a badge held up to
//    the fake camera is painted (html5-qrcode decoding the video, then the same path).
// `npx tsx bench/kiosk.ts` prints the table; `npm run bench` runs it with the others.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { startAgent, type AgentHandle } from '../agent/agent.js'
import { createHub } from '../hub/app.js'
import { createDemoEvent } from '../hub/demo/demo-event.js'
import { createPairingCode } from '../hub/pairing.js'
import { EventStore } from '../hub/store/event-store.js'
import { makeReadableQrVideo } from '../tests/fixtures/make-qr-video.js'
import { BENCH_DAY } from './fixtures.js'
import { ms, summary, table, type BenchResult } from './lib.js'

const SCANS = Number(process.env.BENCH_KIOSK_SCANS ?? 200)
const CAMERA_RUNS = Number(process.env.BENCH_KIOSK_CAMERA ?? 8)
const clock = () => new Date(`${BENCH_DAY}T09:00:00+03:00`)
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

const launch = (extra: string[] = []): Promise<Browser> =>
  chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: [...ARGS, ...extra] })

interface Probe {
  cameraAt: number | null
  enterAt: number | null
  resultAt: number | null
}
type PageGlobals = { karibuBench: Probe } & typeof globalThis

/** In the page before its code: the time of getUserMedia, and the first frame painted after an answer appears. */
function installProbe() {
  const g = globalThis as unknown as PageGlobals & {
    navigator: { mediaDevices?: { getUserMedia(c: unknown): Promise<unknown> } }
    MutationObserver: new (cb: () => void) => { observe(el: unknown, o: object): void }
    document: { querySelector(s: string): unknown }
    requestAnimationFrame(cb: () => void): void
    addEventListener(type: 'keydown', cb: (e: { key: string; timeStamp: number }) => void, capture: boolean): void
  }
  const probe: Probe = { cameraAt: null, enterAt: null, resultAt: null }
  g.karibuBench = probe
  // registered before the page's own listeners, so it sees the Enter first
  g.addEventListener('keydown', (e) => e.key === 'Enter' && (probe.enterAt = e.timeStamp), true)
  const devices = g.navigator.mediaDevices
  if (devices) {
    const original = devices.getUserMedia.bind(devices)
    devices.getUserMedia = (c) => {
      probe.cameraAt ??= performance.now()
      return original(c)
    }
  }
  let shown = false
  new g.MutationObserver(() => {
    const now = !!g.document.querySelector('[data-testid="kiosk-result"]')
    // the frame after the DOM change is when the answer is on screen
    if (now && !shown) g.requestAnimationFrame(() => (probe.resultAt = performance.now()))
    shown = now
  }).observe(g.document, { childList: true, subtree: true })
}

/** A USB scanner: the code in a fast burst, then Enter. Returns the Enter key's own time in the page. */
async function wedgeScan(page: Page, code: string): Promise<number> {
  await page.evaluate(() => ((globalThis as unknown as PageGlobals).karibuBench.resultAt = null))
  await page.keyboard.type(code)
  await page.keyboard.press('Enter')
  return page.evaluate(() => (globalThis as unknown as PageGlobals).karibuBench.enterAt!)
}

const resultTime = (page: Page) =>
  page.waitForFunction(() => (globalThis as unknown as PageGlobals).karibuBench.resultAt, undefined, { timeout: 10_000, polling: 5 }).then((h) => h.jsonValue() as Promise<number>)

async function openKiosk(browser: Browser, agent: AgentHandle, camera: boolean): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...(camera ? { permissions: ['camera'] } : {}) })
  await context.addInitScript(installProbe)
  const page = await context.newPage()
  await page.goto(agent.launchUrl())
  await page.getByTestId('kiosk-status').waitFor({ timeout: 15_000 })
  return page
}

export async function run(): Promise<BenchResult> {
  const root = await mkdtemp(join(tmpdir(), 'karibu-bench-kiosk-'))
  const { store } = await EventStore.open({ dataDir: join(root, 'hub'), now: clock, seed: (key) => createDemoEvent({ firstDay: BENCH_DAY, badgePublicKey: key }) })
  const hub = createHub({ store, now: clock, log: { info() {}, error() {} } })
  const { port } = await hub.listen(0, '127.0.0.1')
  const { code: pairing } = await createPairingCode(store, 5)
  const agent = await startAgent({ dataDir: join(root, 'kiosk'), port: 0, hubUrl: `http://127.0.0.1:${port}`, pairingCode: pairing, deskId: 'desk-1', now: clock, log: () => {} })
  while (!agent.kiosk.registry) await new Promise((r) => setTimeout(r, 20))
  const badge = (seq: number) => store.signBadge({ attendeeSeq: seq, badgeVersion: store.registry.bySeq.get(seq)!.badgeVersion || 1 })
  const rows: BenchResult['rows'] = []
  let browser: Browser | null = null
  try {
    browser = await launch()
    const page = await openKiosk(browser, agent, false)
    const shown: number[] = []
    for (let i = 0; i < SCANS + 5; i++) {
      const enter = await wedgeScan(page, badge(1 + (i % 900)))
      const painted = await resultTime(page)
      if (i >= 5) shown.push(painted - enter) // the first few warm the code paths
      await page.getByTestId('kiosk-result').click()
      await page.getByTestId('kiosk-result').waitFor({ state: 'detached' })
    }
    await browser.close()
    const s = summary(shown)
    rows.push({ case: 'decoded (scanner Enter) → answer painted', runs: shown.length, 'p50 ms': ms(s.p50), 'p95 ms': ms(s.p95), 'max ms': ms(s.max) })

    const video = await makeReadableQrVideo(badge(950), root)
    browser = await launch(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video.path}`])
    const firstDecode: number[] = []
    for (let i = 0; i < CAMERA_RUNS; i++) {
      const cam = await openKiosk(browser, agent, true)
      const painted = await resultTime(cam)
      const started = await cam.evaluate(() => (globalThis as unknown as PageGlobals).karibuBench.cameraAt)
      if (started !== null) firstDecode.push(painted - started)
      await cam.context().close()
    }
    const c = summary(firstDecode)
    rows.push({ case: 'camera start → first decode painted', runs: firstDecode.length, 'p50 ms': ms(c.p50), 'p95 ms': ms(c.p95), 'max ms': ms(c.max) })
  } finally {
    await browser?.close()
    await agent.close()
    await hub.close()
    await rm(root, { recursive: true, force: true })
  }
  return {
    name: 'Kiosk screen in Chromium',
    rows,
    notes: [
      'Decoded → painted: from the scanner\'s Enter key to the first animation frame after the answer is in the DOM; in between the agent decides, appends to its journal and fsyncs, then answers over its local Socket.IO.',
      'Camera: from getUserMedia to the answer painted, with Chromium\'s fake camera playing a badge video (html5-qrcode at 10 fps); each run opens a fresh page.',
    ],
  }
}

export default run

if (import.meta.url === `file://${process.argv[1]}`) console.log(table(await run()))
