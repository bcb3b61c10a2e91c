// The desk's badge printer from the kiosk screen, in real Chromium against a real hub, real
// agents and real CUPS queues: a queue stopped mid-job shows as stopped on the kiosk and on the
// dashboard's kiosk list, and the desk officer moves the stuck badge to another desk's ready
// printer, where it completes. A kiosk paired from its own screen at a desk with no printer is
// told so on its first screen and its status bar, and checks people in all the same.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startAgent, type AgentHandle } from '../../agent/agent.js'
import { createPairingCode } from '../../hub/kiosks/pairing.js'
import type { PrintJob } from '../../hub/badges/print-log.js'
import { launchChromium } from '../helpers/browser.js'
import { startCups, type Cups } from '../helpers/cups.js'
import { startLabelPrinter, type LabelPrinter } from '../helpers/label-printer.js'
import { printJobsOf } from '../helpers/print-jobs.js'
import { startStack, type Stack } from '../helpers/stack.js'
import { tempDir } from '../helpers/temp-dir.js'
import { until } from '../helpers/until.js'
import { DAY1_9AM, openKioskPage, resultOf } from './kiosk-helpers.js'

let dir: Awaited<ReturnType<typeof tempDir>>
let cups: Cups
let stack: Stack
let browser: Browser
let desk1: AgentHandle
const printers: Record<string, LabelPrinter> = {}
const savedCups = process.env.CUPS_SERVER

let setupError: unknown = null
beforeEach(() => {
  if (setupError) throw setupError
})

const admin = async (method: 'POST' | 'PUT', path: string, body: unknown) => {
  const res = await fetch(`${stack.hub.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${stack.hub.adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  return (await res.json()) as Record<string, unknown>
}

beforeAll(async () => {
  dir = await tempDir('karibu-printer-trouble-')
  try {
    cups = await startCups()
    for (const name of ['ZebraA', 'ZebraB']) {
      printers[name] = await startLabelPrinter(dir.path, name)
      await cups.addLabelPrinter(name, printers[name].uri, 'drv:///sample.drv/zebra.ppd')
    }
  } catch (err) {
    setupError = err
    return
  }
  process.env.CUPS_SERVER = cups.server
  stack = await startStack({ now: DAY1_9AM })
  await admin('PUT', '/api/desk-printers/desk-1', { printer: 'ZebraA', stock: 'zebra-4x3' })
  await admin('PUT', '/api/desk-printers/desk-2', { printer: 'ZebraB', stock: 'zebra-4x3' })
  desk1 = await stack.addKiosk('desk-1', DAY1_9AM, { heartbeatMs: 200 })
  browser = await launchChromium()
}, 90_000)
afterAll(async () => {
  await browser?.close()
  await stack?.close()
  await cups?.stop()
  for (const p of Object.values(printers)) await p.stop().catch(() => {})
  if (savedCups === undefined) delete process.env.CUPS_SERVER
  else process.env.CUPS_SERVER = savedCups
  await dir?.remove()
})

describe('the desk printer from the kiosk screen', () => {
  it(
    'a queue stopped mid-job shows on the kiosk and the dashboard; the officer moves the badge to Meza 2’s printer, where it completes',
    { timeout: 60_000 },
    async () => {
      const kiosk = await openKioskPage(browser, desk1)
      const dash = await browser.newPage()
      try {
        const { page } = kiosk
        // a desk with a printer at the hub is not told it has none
        await until(() => desk1.kiosk.printerAssigned === true, 10_000, 'desk 1 to hear it has a printer')
        expect(await page.getByTestId('no-printer-notice').count()).toBe(0)

        await cups.run('cupsdisable', ['-r', 'paper jam', 'ZebraA'])
        const job = (await admin('POST', '/api/badges/A0002/print', { deskId: 'desk-1' })).job as PrintJob
        expect(job).toMatchObject({ status: 'sent', printer: 'ZebraA' })

        await page.locator('[data-testid=status-printer][data-state=stopped]').waitFor({ timeout: 20_000 })
        expect(await page.getByTestId('status-printer').innerText()).toBe('Printa imesimama')
        await dash.goto(`${stack.hub.url}/dashboard#token=${stack.hub.usherToken}`)
        const kioskId = desk1.kiosk.data.pairing!.kioskId
        await dash.locator(`[data-testid=kiosk-printer-${kioskId}][data-printer-state=stopped]`).waitFor({ timeout: 20_000 })

        await page.getByTestId('stuck-open').click()
        const panel = page.getByTestId('stuck-panel')
        await page.locator('[data-testid=stuck-panel][data-listing=shown]').waitFor()
        const row = panel.getByTestId('stuck-job')
        expect(await row.count()).toBe(1)
        expect(await row.innerText()).toContain('Baraka Mwakyusa')
        expect(await row.innerText()).toContain('Printa imesimama')
        // the other desks with a printer, each with its printer's health; Meza 2's is ready
        const choice = panel.getByTestId('stuck-desk')
        expect(await choice.allInnerTexts()).toEqual(['Meza 2\nPrinta iko tayari'])
        expect(await choice.getAttribute('aria-checked')).toBe('true')
        await panel.getByTestId('stuck-move').click()
        await panel.locator('[data-testid=stuck-job][data-moved=true]').waitFor({ timeout: 20_000 })
        expect(await row.innerText()).toContain('Imehamishiwa Meza 2 (ZebraB)')

        await printers.ZebraB!.waitForJob(1)
        await until(async () => (await printJobsOf(stack.hub, 'A0002'))[0]!.status === 'completed', 20_000, 'the moved badge to complete')
        expect((await printJobsOf(stack.hub, 'A0002'))[0]).toMatchObject({ printer: 'ZebraB', deskId: 'desk-1' })
        await panel.getByTestId('stuck-close').click()
        await panel.waitFor({ state: 'detached' })
        await cups.run('cupsenable', ['ZebraA'])
        await page.getByTestId('status-printer').waitFor({ state: 'detached', timeout: 20_000 })
        expect(printers.ZebraA!.files).toEqual([])
      } finally {
        await dash.close()
        await kiosk.close()
      }
    },
  )

  it(
    'paired from its screen at a desk with no printer: told on the first screen and the status bar, and check-in goes on',
    { timeout: 40_000 },
    async () => {
      const d = await tempDir('karibu-kiosk-')
      const agent = await startAgent({ dataDir: d.path, port: 0, now: DAY1_9AM, ackTimeoutMs: 2000, heartbeatMs: 60_000, log: () => {} })
      const context = await browser.newContext({ viewport: { width: 1024, height: 600 } })
      try {
        const page = await context.newPage()
        page.setDefaultTimeout(10_000)
        await page.goto(agent.launchUrl())
        const pair = page.getByTestId('pair-form')
        await pair.waitFor()
        const { code } = await createPairingCode(stack.hub.store, 5)
        await pair.getByLabel('Anwani ya kitovu').fill(stack.hub.url)
        await pair.getByLabel('Msimbo wa kuunganisha').fill(code)
        await pair.getByLabel('Jina la kioski').fill('Mlango wa Maonesho')
        await pair.getByRole('button', { name: 'Unganisha' }).click()
        const desk = page.getByTestId('desk-form')
        await desk.waitFor()
        await desk.getByRole('radio', { name: 'Mlango wa Maonesho' }).click()
        await desk.getByRole('button', { name: 'Anza kuingiza washiriki' }).click()

        // the next heartbeat is a minute away: the desk is asked about at once, not then
        const notice = page.getByTestId('no-printer-notice')
        await notice.waitFor()
        expect(await notice.innerText()).toContain('Hakuna printa iliyowekwa kwa meza hii')
        expect(await page.getByTestId('status-no-printer').innerText()).toBe('Hakuna printa')
        await page.getByTestId('language-toggle').click()
        expect(await notice.innerText()).toContain('No printer is set up for this desk')

        // it does not stand in the way: the first attendee is checked in
        await page.getByTestId('search-input').fill('Amina Shirima')
        await page.getByTestId('search-result').first().click()
        expect((await resultOf(page)).outcome).toBe('admitted')
        await page.getByTestId('kiosk-result').click()
        await page.getByTestId('no-printer-dismiss').click()
        await notice.waitFor({ state: 'detached' })
        expect(await page.getByTestId('status-no-printer').count()).toBe(1)

        // the organiser sets one up: the desk stops saying it has none
        await admin('PUT', '/api/desk-printers/expo-door', { printer: 'ZebraB', stock: 'zebra-4x3' })
        await agent.link()!.beatNow()
        await page.getByTestId('status-no-printer').waitFor({ state: 'detached' })
      } finally {
        await context.close()
        await agent.close()
        await d.remove()
      }
    },
  )
})
