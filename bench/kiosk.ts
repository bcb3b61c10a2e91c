// Kiosk screen in real Chromium, against a real agent paired with a real hub (demo event):
//  - decoded → on screen: a USB-scanner code complete (its Enter) until the answer is painted;
//  - camera start → first decode: getUserMedia called until the answer for a badge held up to
//    the fake camera is painted (html5-qrcode decoding the video, then the same path).
// `npx tsx bench/kiosk.ts` prints the table; `npm run bench` runs it with the others.
import type { Browser, Page } from 'playwright-core'
import type { AgentHandle } from '../agent/agent.js'
import { makeReadableQrVideo } from '../tests/fixtures/make-qr-video.js'
import { launchChromium, ms, startKioskDesk, summary, table, throttle, type BenchResult, type Throttle } from './lib.js'

const SCANS = Number(process.env.BENCH_KIOSK_SCANS ?? 200)
const CAMERA_RUNS = Number(process.env.BENCH_KIOSK_CAMERA ?? 8)
export interface Probe {
  cameraAt: number | null
  enterAt: number | null
  resultAt: number | null
}
export type PageGlobals = { karibuBench: Probe } & typeof globalThis

/** In the page before its code: the time of getUserMedia, and the first frame painted after an answer appears. */
export function installProbe() {
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
export async function wedgeScan(page: Page, code: string): Promise<number> {
  await page.evaluate(() => ((globalThis as unknown as PageGlobals).karibuBench.resultAt = null))
  await page.keyboard.type(code)
  await page.keyboard.press('Enter')
  return page.evaluate(() => (globalThis as unknown as PageGlobals).karibuBench.enterAt!)
}

export const resultTime = (page: Page) =>
  page
    .waitForFunction(() => (globalThis as unknown as PageGlobals).karibuBench.resultAt, undefined, { timeout: 10_000, polling: 5 })
    .then((h) => h.jsonValue() as Promise<number>)

/** The kiosk screen at a desk PC's size (1280×800 unless told), its probe in place, throttled if asked, until its status bar shows. */
export async function openKiosk(
  browser: Browser,
  agent: AgentHandle,
  camera: boolean,
  desk: { width?: number; height?: number; throttle?: Throttle } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: desk.width ?? 1280, height: desk.height ?? 800 },
    ...(camera ? { permissions: ['camera'] } : {}),
  })
  await context.addInitScript(installProbe)
  const page = await context.newPage()
  if (desk.throttle) await throttle(await context.newCDPSession(page), desk.throttle)
  await page.goto(agent.launchUrl())
  await page.getByTestId('kiosk-status').waitFor({ timeout: 15_000 })
  return page
}

export async function run(): Promise<BenchResult> {
  const desk = await startKioskDesk('karibu-bench-kiosk-')
  const { agent, badge } = desk
  const rows: BenchResult['rows'] = []
  let browser: Browser | null = null
  try {
    browser = await launchChromium()
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
    rows.push({
      case: 'decoded (scanner Enter) → answer painted',
      runs: shown.length,
      'p50 ms': ms(s.p50),
      'p95 ms': ms(s.p95),
      'max ms': ms(s.max),
    })

    const video = await makeReadableQrVideo(badge(950), desk.root)
    browser = await launchChromium([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video.path}`,
    ])
    const firstDecode: number[] = []
    for (let i = 0; i < CAMERA_RUNS; i++) {
      const cam = await openKiosk(browser, agent, true)
      const painted = await resultTime(cam)
      const started = await cam.evaluate(() => (globalThis as unknown as PageGlobals).karibuBench.cameraAt)
      if (started !== null) firstDecode.push(painted - started)
      await cam.context().close()
    }
    const c = summary(firstDecode)
    rows.push({
      case: 'camera start → first decode painted',
      runs: firstDecode.length,
      'p50 ms': ms(c.p50),
      'p95 ms': ms(c.p95),
      'max ms': ms(c.max),
    })
  } finally {
    await browser?.close()
    await desk.close()
  }
  return {
    name: 'Kiosk screen in Chromium',
    rows,
    notes: [
      "Decoded → painted: from the scanner's Enter key to the first animation frame after the answer is in the DOM; in between the agent decides, appends to its journal and fsyncs, then answers over its local Socket.IO.",
      "Camera: from getUserMedia to the answer painted, with Chromium's fake camera playing a badge video (html5-qrcode at 10 fps); each run opens a fresh page.",
    ],
  }
}

export default run

if (import.meta.url === `file://${process.argv[1]}`) console.log(table(await run()))
