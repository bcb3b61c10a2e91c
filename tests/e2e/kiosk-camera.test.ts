// The kiosk's camera in real Chromium: a fake camera plays a still video of a real signed badge
// (tests/fixtures/make-qr-video.ts); html5-qrcode in the page runs the camera and zxing-cpp
// (WebAssembly, from the kiosk's own origin) decodes it — an inverted badge too, which
// html5-qrcode's own zxing cannot read. Also: however React mounts the scanner, exactly one
// camera stream is opened.
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { createServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AgentHandle } from '../../agent/agent.js'
import { isWhole } from '../../shared/ledger.js'
import { makeReadableQrVideo } from '../fixtures/make-qr-video.js'
import { launchChromium } from '../helpers/browser.js'
import { startStack, type Stack } from '../helpers/stack.js'
import { tempDir } from '../helpers/temp-dir.js'
import { until } from '../helpers/until.js'
import { DAY1_9AM, NEEMA, openKioskPage, resultOf } from './kiosk-helpers.js'

// Page-side code, typed structurally: tests typecheck against Node's lib, without the DOM.
interface Track {
  readyState: string
}
interface Stream {
  getVideoTracks(): Track[]
}
interface CameraProbe {
  calls: number
  streams: Stream[]
}
interface PageGlobals {
  cameraProbe: CameraProbe
  navigator: { mediaDevices: { getUserMedia(constraints: unknown): Promise<Stream> } }
}

/** Runs in the page before its code: counts getUserMedia calls and keeps the streams to count live tracks. */
function probeCamera() {
  const page = globalThis as unknown as PageGlobals
  const probe: CameraProbe = { calls: 0, streams: [] }
  page.cameraProbe = probe
  const devices = page.navigator.mediaDevices
  const original = devices.getUserMedia.bind(devices)
  devices.getUserMedia = async (constraints) => {
    probe.calls++
    const stream = await original(constraints)
    probe.streams.push(stream)
    return stream
  }
}

const cameraUse = (page: Page) =>
  page.evaluate(() => {
    const p = (globalThis as unknown as PageGlobals).cameraProbe
    return { calls: p.calls, liveTracks: p.streams.flatMap((s) => s.getVideoTracks()).filter((t) => t.readyState === 'live').length }
  })

/** The .wasm files the page loaded (the decoder starts loading its own before the page is handed to the test). */
const wasmLoaded = (page: Page) =>
  page.evaluate(() =>
    (globalThis as unknown as { performance: { getEntriesByType(t: string): { name: string }[] } }).performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((name) => name.endsWith('.wasm')),
  )

let stack: Stack
let agent: AgentHandle
let browser: Browser
let dir: Awaited<ReturnType<typeof tempDir>>

beforeAll(async () => {
  dir = await tempDir('karibu-camera-')
  stack = await startStack()
  agent = await stack.addKiosk('desk-1', DAY1_9AM)
  // the video must exist before Chromium starts: one camera video per launch
  const video = await makeReadableQrVideo(stack.hub.store.signBadge({ attendeeSeq: 1, badgeVersion: 1 }), dir.path)
  browser = await launchChromium({ fakeCameraVideo: video.path })
})
afterAll(async () => {
  await browser?.close()
  await stack?.close()
  await dir?.remove()
})

describe('kiosk camera', () => {
  it(
    'reads a badge shown to the camera: green with the name; one stream; a badge left in view is not counted twice',
    { timeout: 25_000 },
    async () => {
      const kiosk = await openKioskPage(browser, agent, { camera: true, init: probeCamera })
      try {
        const { page } = kiosk
        const r = await resultOf(page)
        expect(r.outcome).toBe('admitted')
        expect(r.text).toContain(NEEMA)
        expect(await page.getByTestId('camera-panel').getAttribute('data-camera')).toBe('running')
        expect(await cameraUse(page)).toEqual({ calls: 1, liveTracks: 1 })
        // zxing-cpp's .wasm from the agent itself (no CDN); the inverted badge below shows it compiles under the page's CSP
        const wasm = await wasmLoaded(page)
        expect(wasm).toEqual([expect.stringMatching(new RegExp(`^${agent.url}/assets/zxing_reader-[\\w-]+\\.wasm$`))])
        const served = await page.request.get(wasm[0]!)
        expect([served.status(), served.headers()['content-type']]).toEqual([200, 'application/wasm'])

        // back to scanning by itself, the camera still running, and the badge still in front of
        // it is not taken again
        await page.getByTestId('kiosk-result').waitFor({ state: 'detached', timeout: 6000 })
        expect(await page.getByTestId('camera-panel').getAttribute('data-camera')).toBe('running')
        await page.waitForTimeout(300)
        expect(await page.getByTestId('kiosk-result').count()).toBe(0)
        expect([...agent.kiosk.records.ledger.records.values()].filter((rec) => isWhole(rec) && rec.attendeeId === 'A0001')).toHaveLength(1)
        expect(await cameraUse(page)).toEqual({ calls: 1, liveTracks: 1 })
      } finally {
        await kiosk.close()
      }
    },
  )

  it(
    "reads an inverted badge (light on dark, as a phone in dark mode shows it), which html5-qrcode's own zxing cannot",
    { timeout: 25_000 },
    async () => {
      const attendee = stack.hub.store.registry.bySeq.get(2)!
      const video = await makeReadableQrVideo(stack.hub.store.signBadge({ attendeeSeq: 2, badgeVersion: 1 }), dir.path, {
        name: 'inverted',
        inverted: true,
      })
      // the claim below rests on this: only zxing-cpp can have read it
      expect(video.html5QrcodeZxingReads).toBe(false)
      const phone = await launchChromium({ fakeCameraVideo: video.path })
      try {
        const kiosk = await openKioskPage(phone, agent, { camera: true })
        try {
          const r = await resultOf(kiosk.page)
          expect(r.outcome).toBe('admitted')
          expect(r.text).toContain(attendee.firstName)
        } finally {
          await kiosk.close()
        }
      } finally {
        await phone.close()
      }
    },
  )

  it('StrictMode (React development build) mounts twice, and still one camera stream opens', { timeout: 30_000 }, async () => {
    const cache = await tempDir('karibu-vite-')
    let vite: ViteDevServer | null = null
    try {
      // the development build is where StrictMode mounts, unmounts and mounts again; the page
      // reaches its agent through the dev server, which presents itself as the agent's origin
      vite = await createServer({
        configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)),
        root: fileURLToPath(new URL('../../renderer', import.meta.url)),
        cacheDir: cache.path,
        logLevel: 'error',
        server: {
          host: '127.0.0.1',
          port: 0,
          hmr: false,
          watch: null,
          proxy: {
            '/socket.io': { target: agent.url, ws: true, changeOrigin: true, headers: { origin: agent.url } },
            '/api': { target: agent.url, changeOrigin: true },
          },
        },
      })
      await vite.listen()
      const address = vite.httpServer?.address()
      if (!address || typeof address === 'string') throw new Error('dev server has no port')
      const kiosk = await openKioskPage(browser, agent, { camera: true, init: probeCamera, url: `http://127.0.0.1:${address.port}/kiosk` })
      try {
        const { page } = kiosk
        const r = await resultOf(page)
        // amber when the first test has admitted this badge already
        expect(r.outcome).toMatch(/^(admitted|already_checked_in)$/)
        expect(r.text).toContain(NEEMA)
        expect(await cameraUse(page)).toEqual({ calls: 1, liveTracks: 1 })
        await until(async () => (await page.getByTestId('camera-view').locator('video').count()) === 1, 2000, 'one video element')
      } finally {
        await kiosk.close()
      }
    } finally {
      await vite?.close()
      await cache.remove()
    }
  })
})
