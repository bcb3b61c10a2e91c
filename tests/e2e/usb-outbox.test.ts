// No network at all: a desk officer saves the kiosk's unsent records from the kiosk screen to a
// file (a USB stick), and the organiser imports it on the admin page. Real Chromium, a real
// agent and hub; the same records again change nothing.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { launchChromium } from '../helpers/browser.js'
import { startStack, type Stack } from '../helpers/stack.js'
import { tempDir } from '../helpers/temp-dir.js'
import { until } from '../helpers/until.js'
import { DAY1_9AM, dismiss, openKioskPage, resultOf } from './kiosk-helpers.js'

let stack: Stack
let browser: Browser
let dir: Awaited<ReturnType<typeof tempDir>>

beforeAll(async () => {
  dir = await tempDir('karibu-usb-')
  stack = await startStack()
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await stack?.close()
  await dir?.remove()
})

it('saves the unsent records at the kiosk and imports them on the admin page, exactly once', { timeout: 40_000 }, async () => {
  const agent = await stack.addKiosk('desk-1', DAY1_9AM)
  // the hub's address is wrong from the kiosk's side from now on: no network at all
  agent.link()?.stop()
  const kiosk = await openKioskPage(browser, agent)
  const { page } = kiosk
  try {
    for (const q of ['Neema', 'Baraka']) {
      await page.getByTestId('search-input').fill(q)
      await page.getByTestId('search-result').first().click()
      expect((await resultOf(page)).outcome).toBe('admitted')
      await dismiss(page)
    }
    const link = page.getByTestId('outbox-export')
    await link.waitFor()
    const download = page.waitForEvent('download')
    await link.click()
    const file = join(dir.path, (await download).suggestedFilename())
    await (await download).saveAs(file)
    const saved = JSON.parse(await readFile(file, 'utf8')) as { submissions: { id: string }[] }
    expect(saved.submissions).toHaveLength(2)
    expect(stack.hub.store.ledger.records.size).toBe(0)

    const admin = await browser.newPage()
    try {
      await admin.goto(`${stack.hub.url}/admin`)
      await admin.getByTestId('admin-token').fill(stack.hub.adminToken)
      await admin.getByTestId('admin-signin-submit').click()
      await admin.getByTestId('tab-kiosks').click()
      await admin.getByTestId('outbox-import').setInputFiles(file)
      expect(await admin.getByTestId('outbox-imported').innerText()).toContain('Zimeongezwa 2; zilikuwa tayari 0')
      await until(() => stack.hub.store.ledger.records.size === 2, 5000, 'records at the hub')
      for (const s of saved.submissions) expect(stack.hub.store.ledger.records.has(s.id)).toBe(true)
      // the same stick again: nothing new
      await admin.getByTestId('outbox-import').setInputFiles([])
      await admin.getByTestId('outbox-import').setInputFiles(file)
      await until(
        async () => (await admin.getByTestId('outbox-imported').innerText()).includes('Zimeongezwa 0; zilikuwa tayari 2'),
        5000,
        'second import',
      )
      expect(stack.hub.store.ledger.records.size).toBe(2)
    } finally {
      await admin.close()
    }
  } finally {
    await kiosk.close()
  }
})
