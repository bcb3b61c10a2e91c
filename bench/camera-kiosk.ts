// The kiosk's camera in Chromium on the camera-decoders frames: each still badge (bench/camera-frames.ts,
// 10 frames with their own sensor noise, looped) played as Chromium's fake camera to the real
// kiosk page — html5-qrcode and zxing-cpp in the page, a real agent paired with a real hub.
// Camera start (getUserMedia) → answer painted, or a miss after 3 s. One browser per video, so
// it is a sample: BENCH_CAMERA_KIOSK_BADGES (default 2) badges per size × condition.
// `npx tsx bench/camera-kiosk.ts`; `npm run bench` runs it with the others.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { badgeScene, CONDITIONS, FRAME_HEIGHT, FRAME_WIDTH, frameOf } from './camera-frames.js'
import { launchChromium, ms, startKioskDesk, summary, table, type BenchResult } from './lib.js'

const PER_CELL = Number(process.env.BENCH_CAMERA_KIOSK_BADGES ?? 2)
const SIZES = [360, 200, 120]
const MISS_AFTER_MS = 3000

/** The frames as a 4:2:0 Y4M video, grey (chroma at 128). */
async function writeY4m(path: string, frames: Uint8ClampedArray[]) {
  const luma = FRAME_WIDTH * FRAME_HEIGHT
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${FRAME_WIDTH} H${FRAME_HEIGHT} F10:1 Ip A1:1 C420jpeg\n`)]
  for (const rgba of frames) {
    const frame = Buffer.alloc(luma * 1.5, 128)
    for (let i = 0; i < luma; i++) frame[i] = rgba[i * 4]!
    parts.push(Buffer.from('FRAME\n'), frame)
  }
  await writeFile(path, Buffer.concat(parts))
}

type Probe = { cameraAt: number | null; resultAt: number | null }

/** In the page before its code: when getUserMedia is called, and the first frame painted with an answer. */
function installProbe() {
  const g = globalThis as unknown as {
    karibuBench: Probe
    navigator: { mediaDevices: { getUserMedia(c: unknown): Promise<unknown> } }
    MutationObserver: new (cb: () => void) => { observe(el: unknown, o: object): void }
    document: { querySelector(s: string): unknown }
    requestAnimationFrame(cb: () => void): void
  }
  const probe: Probe = { cameraAt: null, resultAt: null }
  g.karibuBench = probe
  const devices = g.navigator.mediaDevices
  const original = devices.getUserMedia.bind(devices)
  devices.getUserMedia = (c) => {
    probe.cameraAt ??= performance.now()
    return original(c)
  }
  new g.MutationObserver(() => {
    if (probe.resultAt === null && g.document.querySelector('[data-testid="kiosk-result"]'))
      g.requestAnimationFrame(() => (probe.resultAt ??= performance.now()))
  }).observe(g.document, { childList: true, subtree: true })
}

export async function run(): Promise<BenchResult> {
  const desk = await startKioskDesk('karibu-bench-camera-')
  const { agent, badge, root } = desk
  const rows: BenchResult['rows'] = []
  const all: number[] = []
  let allShown = 0
  let seq = 100
  try {
    for (const size of SIZES)
      for (const condition of CONDITIONS) {
        const times: number[] = []
        for (let b = 0; b < PER_CELL; b++) {
          const code = badge(++seq)
          const scene = badgeScene(code, size, condition, seq)
          const video = join(root, `badge-${seq}.y4m`)
          await writeY4m(
            video,
            Array.from({ length: 10 }, (_, i) => frameOf(scene, condition, seq, i).data),
          )
          let browser: Browser | null = null
          try {
            browser = await launchChromium([
              '--use-fake-ui-for-media-stream',
              '--use-fake-device-for-media-stream',
              `--use-file-for-fake-video-capture=${video}`,
            ])
            const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['camera'] })
            await context.addInitScript(installProbe)
            const page = await context.newPage()
            await page.goto(agent.launchUrl())
            const probe = () => page.evaluate(() => (globalThis as unknown as { karibuBench: Probe }).karibuBench)
            await page.waitForFunction(() => (globalThis as unknown as { karibuBench: Probe }).karibuBench.cameraAt !== null, undefined, {
              timeout: 15_000,
              polling: 10,
            })
            const cameraAt = (await probe()).cameraAt!
            // the camera has started: the answer within 3 s of it, or a miss
            const left = Math.max(0, cameraAt + MISS_AFTER_MS - (await page.evaluate(() => performance.now())))
            await page
              .waitForFunction(() => (globalThis as unknown as { karibuBench: Probe }).karibuBench.resultAt !== null, undefined, {
                timeout: left + 200,
                polling: 10,
              })
              .catch(() => {})
            const resultAt = (await probe()).resultAt
            const took = resultAt === null ? null : resultAt - cameraAt
            if (took !== null && took <= MISS_AFTER_MS) times.push(took)
          } finally {
            await browser?.close()
          }
        }
        all.push(...times)
        allShown += PER_CELL
        const s = summary(times)
        rows.push({
          'QR px': size,
          frame: condition,
          'read in 3 s': `${times.length}/${PER_CELL}`,
          'camera start → painted p50 ms': ms(s.p50),
          'p95 ms': ms(s.p95),
        })
      }
  } finally {
    await desk.close()
  }
  const s = summary(all)
  rows.push({
    'QR px': 'all',
    frame: 'all',
    'read in 3 s': `${all.length}/${allShown}`,
    'camera start → painted p50 ms': ms(s.p50),
    'p95 ms': ms(s.p95),
  })
  return {
    name: `Kiosk camera in Chromium on still badges (fake camera), ${PER_CELL} badges per size × condition`,
    rows,
    notes: [
      "From getUserMedia to the first frame painted with the answer: camera start, zxing-cpp (.wasm from the agent) decoding html5-qrcode's frames, then the check-in path; a fresh browser and page per badge.",
    ],
  }
}

export default run

if (import.meta.url === `file://${process.argv[1]}`) console.log(table(await run()))
