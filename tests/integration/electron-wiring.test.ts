// Electron main's wiring (electron/main/index.ts), run under plain Node: the bundle that ships
// (built by the package's own build:electron command) is imported with `electron` replaced by a
// STAND-IN (tests/helpers/electron-stand-in.ts) that records what main asks of it and shows
// each window's page in real Chromium. Behind it everything is real: the kiosk agent, paired
// with a real hub on 127.0.0.1, serving the built pages, and the real preload bundle in the
// page. It proves our wiring, not Electron.
import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createPairingCode } from '../../hub/kiosks/pairing.js'
import { IPC_CHANNELS, type AppInfo, type IpcResult, type KaribuBridge, type PrintRequest } from '../../shared/ipc.js'
import { launchChromium } from '../helpers/browser.js'
import { app, record, standIn, type StandInWindow } from '../helpers/electron-stand-in.js'
import { ROOT } from '../helpers/processes.js'
import { tempDir } from '../helpers/temp-dir.js'
import { startTestHub, type TestHub } from '../helpers/test-hub.js'
import { until } from '../helpers/until.js'

vi.mock('electron', () => import('../helpers/electron-stand-in.js'))

const run = promisify(execFile)
const EXIT_PIN = '2468'

let hub: TestHub
let dirs: { path: string; remove(): Promise<void> }[] = []
let browser: Browser
let bundleDir: string
let kioskWindow: StandInWindow
let page: Page
let origin: string
let configHome: string

// window.karibu as the kiosk page sees it: the real preload, over the stand-in's IPC. (The
// functions run in the page, so each names window.karibu itself.)
type InPage = { karibu: KaribuBridge }
const appInfo = (): Promise<AppInfo> => page.evaluate(() => (globalThis as unknown as InPage).karibu.appInfo())
const exitKiosk = (pin: string): Promise<IpcResult> => page.evaluate((p) => (globalThis as unknown as InPage).karibu.exitKiosk(p), pin)
const printBadge = (request: PrintRequest): Promise<IpcResult> =>
  page.evaluate((r) => (globalThis as unknown as InPage).karibu.printBadge(r), request)

// The shipped command, with its output moved to a folder of this test's own, so the packaging
// test (which builds into dist-electron/) never races this one.
async function buildMainBundle(outDir: string): Promise<void> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  const command = pkg.scripts['build:electron']!.replaceAll('--outfile=dist-electron/', `--outfile=${outDir}/`)
  expect(command).not.toContain('dist-electron/')
  await run('sh', ['-c', command], { cwd: ROOT, env: { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}` } })
}

beforeAll(async () => {
  const hubDir = await tempDir('karibu-hub-')
  const userData = await tempDir('karibu-userdata-')
  const config = await tempDir('karibu-xdg-')
  dirs = [hubDir, userData, config]
  configHome = config.path
  bundleDir = join(ROOT, 'dist', `wiring-${process.pid}`)
  await mkdir(bundleDir, { recursive: true })
  await run(process.execPath, ['--import', 'tsx', 'scripts/ensure-renderer.ts'], { cwd: ROOT })
  await buildMainBundle(bundleDir)

  hub = await startTestHub(hubDir.path)
  const pinSet = await fetch(`${hub.url}/api/admin/kiosk-exit-pin`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${hub.adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ pin: EXIT_PIN }),
  })
  expect(pinSet.status).toBe(200)
  const { code } = await createPairingCode(hub.store, 5)
  process.env.KARIBU_HUB_URL = hub.url
  process.env.KARIBU_PAIRING_CODE = code
  process.env.XDG_CONFIG_HOME = configHome
  delete process.env.APPIMAGE

  browser = await launchChromium()
  Object.assign(standIn, { browser, userData: userData.path, appPath: ROOT, packaged: true })

  await import(/* @vite-ignore */ join(bundleDir, 'main.mjs'))
  app.becomeReady()
  kioskWindow = await until(() => record.windows[0], 30_000, 'the kiosk window')
  page = await until(() => kioskWindow.webContents.page, 30_000, 'the kiosk page')
  await page.waitForLoadState('load')
  origin = new URL(page.url()).origin
  // The exit PIN's hash arrives with the registry; guessing before it would count as a wrong PIN.
  await until(
    async () => ((await (await fetch(`${origin}/healthz`)).json()) as { attendees: number }).attendees > 0,
    20_000,
    'the registry',
  )
}, 120_000)

afterAll(async () => {
  if (record.calls.includes('app.quit') === false) app.quit()
  await browser?.close()
  await hub?.close()
  await rm(bundleDir, { recursive: true, force: true })
  for (const d of dirs) await d.remove()
  delete process.env.KARIBU_HUB_URL
  delete process.env.KARIBU_PAIRING_CODE
  delete process.env.XDG_CONFIG_HOME
})

describe('Electron main wiring (stand-in electron module, real agent and hub, real Chromium)', () => {
  it('sandboxes every renderer before ready, takes the single-instance lock, then opens the kiosk page', async () => {
    expect(record.calls.slice(0, 3)).toEqual(['app.enableSandbox', 'app.requestSingleInstanceLock', 'app.whenReady'])
    expect(record.exitCode).toBeUndefined()
    expect(record.errorBoxes).toEqual([])
    expect(new URL(page.url()).pathname).toBe('/kiosk')
    expect(new URL(origin).hostname).toBe('127.0.0.1')
    expect(await until(async () => (await page.locator('body').innerText()).trim(), 15_000, 'the kiosk screen')).not.toBe('')
  })

  it('opens one fullscreen kiosk window, locked, with the preload beside main', () => {
    const options = kioskWindow.options
    expect(options).toMatchObject({ fullscreen: true, kiosk: true, autoHideMenuBar: true })
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
      preload: join(bundleDir, 'preload.cjs'),
    })
    expect(existsSync(options.webPreferences!.preload as string)).toBe(true)
  })

  it('grants the camera only to its own pages, and adds its Content-Security-Policy', () => {
    const request = record.permissionRequest as unknown as (w: unknown, p: string, cb: (g: boolean) => void, d: object) => void
    const ask = (permission: string, details: object) => {
      let granted: boolean | undefined
      request({}, permission, (g) => (granted = g), details)
      return granted
    }
    expect(ask('media', { requestingUrl: `${origin}/kiosk`, mediaTypes: ['video'] })).toBe(true)
    expect(ask('media', { requestingUrl: `${origin}/kiosk`, mediaTypes: ['video', 'audio'] })).toBe(false)
    expect(ask('media', { requestingUrl: 'http://127.0.0.1:1/kiosk', mediaTypes: ['video'] })).toBe(false)
    expect(ask('geolocation', { requestingUrl: `${origin}/kiosk` })).toBe(false)
    const check = record.permissionCheck as unknown as (w: unknown, p: string, o: string, d: object) => boolean
    expect(check({}, 'media', origin, { mediaType: 'video' })).toBe(true)
    expect(check({}, 'media', 'http://evil.invalid', { mediaType: 'video' })).toBe(false)
    let headers: Record<string, string[]> | undefined
    const onHeaders = record.headersReceived as unknown as (
      d: object,
      cb: (r: { responseHeaders?: Record<string, string[]> }) => void,
    ) => void
    onHeaders({ responseHeaders: {} }, (r) => (headers = r.responseHeaders))
    expect(headers?.['Content-Security-Policy']?.[0]).toContain("default-src 'self'")
  })

  it("runs the kiosk page under main's policy with nothing blocked, and blocks what the policy forbids", async () => {
    const violations = () => page.evaluate(() => (globalThis as unknown as { __cspViolations: string[] }).__cspViolations)
    expect(await violations()).toEqual([])
    // The agent's own policy lets a form post to its own origin; main's allows no form posts
    // at all (were it missing, the page would only reload itself).
    await page.evaluate(`{
      const form = document.createElement('form')
      form.action = '/kiosk'
      document.body.append(form)
      form.submit()
    }`)
    expect(await until(async () => (await violations()).find((v) => v.startsWith('form-action')), 5_000, 'the violation report')).toBe(
      `form-action ${origin}/kiosk?`,
    )
    expect(new URL(page.url()).search).toBe('')
  })

  it('keeps every page on its own origin and opens no pop-ups', () => {
    const contents = kioskWindow.webContents
    expect(contents.navigate('https://example.invalid/')).toBe(false)
    expect(contents.navigate(`http://127.0.0.1:1/kiosk`)).toBe(false)
    expect(contents.navigate(`${origin}/kiosk`)).toBe(true)
    expect(contents.windowOpenHandler?.({ url: `${origin}/kiosk` })).toEqual({ action: 'deny' })
  })

  it('registers exactly the preload channels, answering only its own pages', async () => {
    expect([...record.ipc.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort())
    const info = await appInfo()
    expect(info).toEqual({ version: '0.0.0-stand-in', platform: process.platform, packaged: true })
    const foreign = await record.ipc.get(IPC_CHANNELS.appInfo)!({ senderFrame: { url: 'https://evil.invalid/' } })
    expect(foreign).toEqual({ ok: false, error: 'forbidden' })
  })

  it('lists the desk PC’s printers through the preload, from the kiosk window', async () => {
    const listPrinters = () =>
      page.evaluate(() => (globalThis as unknown as { karibu: { listPrinters(): Promise<unknown> } }).karibu.listPrinters())
    standIn.printers = []
    expect(await listPrinters()).toEqual([])
    standIn.printers = [{ name: 'Zebra_GK420d', displayName: 'Zebra GK420d', isDefault: true }]
    expect(await listPrinters()).toEqual([{ name: 'Zebra_GK420d', isDefault: true }])
    standIn.printers = []
  })

  it('prints a badge: the agent page in a hidden sandboxed window, silently, at card size', async () => {
    const before = record.windows.length
    expect(await printBadge({ path: '/badge/A0001' })).toEqual({ ok: true })
    const printWindow = record.windows[before]!
    expect(printWindow.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, devTools: false } })
    expect(printWindow.isDestroyed()).toBe(true)
    expect(record.prints).toEqual([
      {
        url: `${origin}/badge/A0001`,
        options: { silent: true, printBackground: true, margins: { marginType: 'none' }, pageSize: { width: 86_000, height: 54_000 } },
      },
    ])

    standIn.printOutcome = { success: false, failureReason: 'cancelled' }
    expect(await printBadge({ path: '/badge/A0002', deviceName: 'Meza 1' })).toEqual({ ok: false, error: 'print_cancelled' })
    expect(record.prints[1]!.options.deviceName).toBe('Meza 1')
    standIn.printOutcome = { success: true, failureReason: '' }

    const windows = record.windows.length
    expect(await printBadge({ path: '/../etc/passwd' })).toEqual({ ok: false, error: 'invalid' })
    expect(record.windows.length).toBe(windows)
  })

  it('leaves kiosk mode only for the organiser PIN from the hub, and locks after 5 wrong tries', async () => {
    expect(await exitKiosk('1111')).toEqual({ ok: false, error: 'wrong_pin' })
    expect(kioskWindow.kiosk).toBe(true)
    expect(await exitKiosk(EXIT_PIN)).toEqual({ ok: true })
    expect(record.calls).toContain('window.setKiosk(false)')
    expect(record.calls).toContain('window.setFullScreen(false)')
    expect(kioskWindow.kiosk).toBe(false)

    for (let i = 0; i < 5; i++) expect(await exitKiosk('0000')).toEqual({ ok: false, error: 'wrong_pin' })
    expect(await exitKiosk(EXIT_PIN)).toEqual({ ok: false, error: 'locked_out' })
  })

  it('keeps the screen awake and starts at login on a packaged Linux desk PC', () => {
    expect(record.powerSaveBlocks).toEqual(['prevent-display-sleep'])
    const entry = readFileSync(join(configHome, 'autostart', 'karibu.desktop'), 'utf8')
    expect(entry).toContain(`Exec="${process.execPath}"`)
    expect(entry).toMatch(/^\[Desktop Entry\]\nType=Application\n/)
  })

  it("logs to the kiosk's data folder", () => {
    const log = readFileSync(join(standIn.userData, 'kiosk', 'logs', 'main.log'), 'utf8')
    // the cancelled print above, as main warned of it, stamped with the local time and offset
    expect(log).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2} WARN badge print failed: cancelled$/m)
  })

  it('reloads the kiosk page when its renderer is gone, not when it closes cleanly', async () => {
    kioskWindow.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 })
    expect(kioskWindow.webContents.reloads).toBe(0)
    kioskWindow.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 })
    expect(kioskWindow.webContents.reloads).toBe(1)
    await kioskWindow.webContents.reloading
    expect(new URL(page.url()).pathname).toBe('/kiosk')
  })

  it(
    'the Print button at a desk without a hub printer: one request, the agent logs it, main prints it silently, the agent reports it',
    { timeout: 60_000 },
    async () => {
      const desk = page.getByTestId('desk-form')
      await page.locator('[data-testid=desk-form], [data-testid=search-input]').first().waitFor({ timeout: 20_000 })
      if (await desk.isVisible()) {
        await desk.getByRole('radio', { name: 'Meza 1' }).click()
        await desk.getByRole('button', { name: 'Anza kuingiza washiriki' }).click()
      }
      await page.getByTestId('search-input').fill('Godfrey Mollel')
      await page.getByTestId('search-result').first().click()
      const before = record.prints.length
      await page.getByTestId('print-badge').click()
      await page.getByTestId('print-panel').and(page.locator('[data-step="done"]')).waitFor({ timeout: 30_000 })
      expect(record.prints.slice(before).map((p) => p.url)).toEqual([`${origin}/badge/A0006`])
      const res = await fetch(`${hub.url}/api/print-jobs?attendeeId=A0006`, { headers: { Authorization: `Bearer ${hub.adminToken}` } })
      const { jobs } = (await res.json()) as { jobs: { via: string; status: string }[] }
      expect(jobs[0]).toMatchObject({ via: 'desk', status: 'completed' })
      await page.getByTestId('kiosk-result').click()
    },
  )

  it('hands a second start over to the running kiosk', () => {
    const focused = kioskWindow.focused
    app.emit('second-instance')
    expect(kioskWindow.focused).toBe(focused + 1)
  })

  it('waits for the agent to close before quitting', async () => {
    app.quit()
    await until(() => record.calls.includes('app.quit:done'), 15_000, 'quit after the agent closed')
    expect(record.calls.filter((c) => c === 'app.quit')).toHaveLength(2)
    await expect(fetch(`${origin}/healthz`)).rejects.toThrow()
  })
})
