// The gallery's printer states, in both languages at every size: the kiosk whose desk printer
// stopped (its status bar) and the list of badges stuck there with the other desks' printers to
// move them to, one ready, one stopped, one not set up. Real hub, agent and CUPS queues (so it
// runs apart from screens.test.ts, which has no CUPS); its pictures are indexed in
// screens/printers.html. `npx vitest run tests/e2e/screens-printers.test.ts` after a renderer build.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/browser.js'
import { startCups, type Cups } from '../helpers/cups.js'
import { startLabelPrinter, type LabelPrinter } from '../helpers/label-printer.js'
import { tempDir } from '../helpers/temp-dir.js'
import { Capture, LANGS, openScreenPage } from '../screens/capture.js'
import { writeIndex } from '../screens/gallery.js'
import { openVenue, type Venue } from '../screens/venue.js'
import { DAY1_9AM } from './kiosk-helpers.js'

let dir: Awaited<ReturnType<typeof tempDir>>
let cups: Cups
let browser: Browser
let venue: Venue
const printers: LabelPrinter[] = []
const savedCups = process.env.CUPS_SERVER

let setupError: unknown = null
beforeEach(() => {
  if (setupError) throw setupError
})

beforeAll(async () => {
  dir = await tempDir('karibu-screens-printers-')
  try {
    cups = await startCups()
    for (const name of ['Meza1_Zebra', 'Meza2_Zebra', 'Mlango_Zebra']) {
      const p = await startLabelPrinter(dir.path, name)
      printers.push(p)
      await cups.addLabelPrinter(name, p.uri, 'drv:///sample.drv/zebra.ppd')
    }
  } catch (err) {
    setupError = err
    return
  }
  process.env.CUPS_SERVER = cups.server
  venue = await openVenue()
  const admin = (method: string, path: string, body: unknown) =>
    fetch(`${venue.stack.hub.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${venue.stack.hub.adminToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
  for (const [desk, printer] of [
    ['desk-1', 'Meza1_Zebra'],
    ['desk-2', 'Meza2_Zebra'],
    ['expo-door', 'Mlango_Zebra'],
  ])
    await admin('PUT', `/api/desk-printers/${desk}`, { printer, stock: 'zebra-4x3' })
  // desk 1's printer jams with two badges in it; the door's is switched off
  await cups.run('cupsdisable', ['-r', 'paper jam', 'Meza1_Zebra'])
  await cups.run('cupsdisable', ['Mlango_Zebra'])
  for (const ext of ['REG-LONG', 'REG-3']) await admin('POST', `/api/badges/${venue.attendee(ext).id}/print`, { deskId: 'desk-1' })
  browser = await launchChromium()
}, 90_000)
afterAll(async () => {
  writeIndex('printers.html')
  await browser?.close()
  await venue?.stack.close()
  await cups?.stop()
  for (const p of printers) await p.stop().catch(() => {})
  if (savedCups === undefined) delete process.env.CUPS_SERVER
  else process.env.CUPS_SERVER = savedCups
  await dir?.remove()
})

describe.each(LANGS)('printer screens in %s', (lang) => {
  it('the stopped desk printer and its stuck badges fit every screen', { timeout: 240_000 }, async () => {
    const capture = new Capture(lang)
    const agent = venue.stack.agents[0] ?? (await venue.stack.addKiosk('desk-1', DAY1_9AM, { heartbeatMs: 200 }))
    const { context, page } = await openScreenPage(browser, lang)
    try {
      await page.goto(agent.launchUrl())
      await page.locator('[data-testid=status-printer][data-state=stopped]').waitFor({ timeout: 30_000 })
      await capture.state(page, 'kiosk', 'printer-stopped')
      await page.getByTestId('stuck-open').click()
      await page.locator('[data-testid=stuck-panel][data-listing=shown]').waitFor()
      expect(await page.getByTestId('stuck-job').count()).toBe(2)
      expect(await page.locator('[data-testid=stuck-desk][data-state=ready]').count()).toBe(1)
      await capture.state(page, 'kiosk', 'printer-stuck-badges')
    } finally {
      await context.close()
    }
    expect(capture.problems).toEqual([])
  })
})
