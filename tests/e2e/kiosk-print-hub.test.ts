// The kiosk's Print button at a desk with a printer at the hub, in real Chromium against a real
// agent, hub and CUPS (a private cupsd with cups-pdf queues): the screen asks once, the hub
// prints the badge on the desk's queue, and the officer is told it printed when CUPS completed
// it; the printed file scans back to the badge's code. A second print still asks first. At a
// stopped printer the badge is said to wait there, and the officer moves it from the stuck
// badges list to Meza 2's printer, where it completes.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { AgentHandle } from '../../agent/agent.js'
import { launchChromium } from '../helpers/browser.js'
import { startCups, type Cups } from '../helpers/cups.js'
import { decodePages } from '../helpers/pdf.js'
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
const savedCups = process.env.CUPS_SERVER
const titles: string[] = []

let setupError: unknown = null
beforeEach(() => {
  if (setupError) throw setupError
})

const admin = async (method: 'PUT', path: string, body: unknown) => {
  const res = await fetch(`${stack.hub.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${stack.hub.adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  return (await res.json()) as Record<string, unknown>
}

beforeAll(async () => {
  dir = await tempDir('karibu-kiosk-print-hub-')
  try {
    cups = await startCups()
    await cups.addPdfPrinter('DeskOnePDF')
    await cups.addPdfPrinter('DeskTwoPDF')
  } catch (err) {
    setupError = err
    return
  }
  process.env.CUPS_SERVER = cups.server
  stack = await startStack({ now: DAY1_9AM })
  await admin('PUT', '/api/desk-printers/desk-1', { printer: 'DeskOnePDF', stock: 'cr80' })
  await admin('PUT', '/api/desk-printers/desk-2', { printer: 'DeskTwoPDF', stock: 'cr80' })
  // followed until CUPS completes it, so the officer is told "printed" rather than "printing"
  desk1 = await stack.addKiosk('desk-1', DAY1_9AM, { heartbeatMs: 200, printFollow: { waitMs: 20_000, everyMs: 100 } })
  await until(() => desk1.kiosk.printerAssigned === true, 10_000, 'desk 1 to hear it has a printer')
  browser = await launchChromium()
}, 90_000)
afterAll(async () => {
  await browser?.close()
  await stack?.close()
  await cups?.removeOutputs(titles).catch(() => {})
  await cups?.stop()
  if (savedCups === undefined) delete process.env.CUPS_SERVER
  else process.env.CUPS_SERVER = savedCups
  await dir?.remove()
})

async function checkIn(page: Page, query: string) {
  await page.getByTestId('search-input').fill(query)
  await page.getByTestId('search-result').first().click()
  return resultOf(page)
}

const step = (page: Page, at: string) =>
  page
    .getByTestId('print-panel')
    .and(page.locator(`[data-step="${at}"]`))
    .waitFor({ timeout: 30_000 })

describe('the Print button at a desk with a printer at the hub', () => {
  it(
    'prints through the hub’s CUPS queue in one request: completed, the file scans; a second print asks first',
    { timeout: 60_000 },
    async () => {
      const kiosk = await openKioskPage(browser, desk1, {
        // the Electron bridge is there, and must not be used: this desk's printer is the hub's
        init: () => {
          const w = globalThis as unknown as { karibu: unknown; bridged: string[] }
          w.bridged = []
          w.karibu = {
            printBadge: async (r: { path: string }) => (w.bridged.push(r.path), { ok: true }),
            exitKiosk: async () => ({ ok: false, error: 'wrong_pin' }),
            appInfo: async () => ({ version: 'test', platform: 'linux', packaged: false }),
          }
        },
      })
      try {
        const { page } = kiosk
        expect((await checkIn(page, 'Juma Massawe')).outcome).toBe('admitted')
        await page.getByTestId('print-badge').click()
        await step(page, 'printed')
        expect(await page.getByTestId('print-panel').innerText()).toContain('Beji imechapishwa kwenye DeskOnePDF')
        const [job] = await printJobsOf(stack.hub, 'A0004')
        expect(job).toMatchObject({
          via: 'cups',
          printer: 'DeskOnePDF',
          deskId: 'desk-1',
          status: 'completed',
          format: 'cr80',
          role: 'kiosk',
        })
        expect(await page.evaluate(() => (globalThis as unknown as { bridged: string[] }).bridged)).toEqual([])

        titles.push(`karibu-${job!.jobId}`)
        const file = await cups.waitForOutput(`karibu-${job!.jobId}`)
        const code = stack.hub.store.signBadge({ attendeeSeq: 4, badgeVersion: 1 })
        expect(await decodePages(file, 300, dir.path)).toEqual([[code]])

        // the same refusal of a silent second print as on the PC's own printer
        await page.getByTestId('print-badge').click()
        await step(page, 'already')
        expect(await page.getByTestId('print-panel').innerText()).toContain('Meza 1')
        await page.getByTestId('print-again').click()
        await step(page, 'printed')
        const jobs = await printJobsOf(stack.hub, 'A0004')
        expect(jobs.map((j) => [j.via, j.badgeVersion, j.force, j.status])).toEqual([
          ['cups', 1, true, 'completed'],
          ['cups', 1, false, 'completed'],
        ])
        titles.push(`karibu-${jobs[0]!.jobId}`)
      } finally {
        await kiosk.close()
      }
    },
  )

  it(
    'at a stopped printer the badge is said to wait there, and moves to Meza 2’s printer from the stuck list',
    { timeout: 60_000 },
    async () => {
      const kiosk = await openKioskPage(browser, desk1)
      try {
        const { page } = kiosk
        await cups.run('cupsdisable', ['-r', 'paper jam', 'DeskOnePDF'])
        expect((await checkIn(page, 'Zawadi Laizer')).outcome).toBe('admitted')
        await page.getByTestId('print-badge').click()
        await step(page, 'queued')
        expect(await page.getByTestId('print-panel').innerText()).toContain('Beji inasubiri kwenye DeskOnePDF (Printa imesimama)')
        expect((await printJobsOf(stack.hub, 'A0007'))[0]).toMatchObject({
          via: 'cups',
          printer: 'DeskOnePDF',
          status: 'sent',
          printerState: 'stopped',
        })

        await page.getByTestId('kiosk-result').click()
        await page.getByTestId('stuck-open').waitFor({ timeout: 20_000 })
        await page.getByTestId('stuck-open').click()
        const panel = page.getByTestId('stuck-panel')
        await page.locator('[data-testid=stuck-panel][data-listing=shown]').waitFor()
        expect(await panel.getByTestId('stuck-job').innerText()).toContain('Zawadi Laizer')
        await panel.getByTestId('stuck-move').click()
        await panel.locator('[data-testid=stuck-job][data-moved=true]').waitFor({ timeout: 20_000 })
        const [moved] = await printJobsOf(stack.hub, 'A0007')
        titles.push(`karibu-${moved!.jobId}`)
        await cups.waitForOutput(`karibu-${moved!.jobId}`)
        await until(async () => (await printJobsOf(stack.hub, 'A0007'))[0]!.status === 'completed', 20_000, 'the moved badge to complete')
        expect((await printJobsOf(stack.hub, 'A0007'))[0]).toMatchObject({ printer: 'DeskTwoPDF', deskId: 'desk-1' })
      } finally {
        await cups.run('cupsenable', ['DeskOnePDF']).catch(() => '')
        await kiosk.close()
      }
    },
  )
})
