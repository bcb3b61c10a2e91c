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
