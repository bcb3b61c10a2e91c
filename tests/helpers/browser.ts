// Real Chromium (Debian's) through playwright-core, with the flags this machine needs.
import { chromium, type Browser, type LaunchOptions } from 'playwright-core'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export async function launchChromium(options: { fakeCameraVideo?: string; extraArgs?: string[] } & LaunchOptions = {}): Promise<Browser> {
  const { fakeCameraVideo, extraArgs = [], ...rest } = options
  const camera = fakeCameraVideo
    ? ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${fakeCameraVideo}`]
    : []
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, ...camera, ...extraArgs],
    ...rest,
  })
}

/** A file-scoped fixture: one Chromium for the file's tests, closed after the last. `test.extend<{ $file: { browser: Browser } }>({ browser: chromiumPerFile })` */
export const chromiumPerFile: [(context: object, use: (browser: Browser) => Promise<void>) => Promise<void>, { scope: 'file' }] = [
  // vitest reads a fixture's needs from its first parameter's pattern: this one needs none
  // eslint-disable-next-line no-empty-pattern
  async ({}: object, use: (browser: Browser) => Promise<void>) => {
    const browser = await launchChromium()
    try {
      await use(browser)
    } finally {
      await browser.close()
    }
  },
  { scope: 'file' },
]
