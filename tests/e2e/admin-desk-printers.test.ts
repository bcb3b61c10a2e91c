// The organiser sets each desk's badge printer and stock on the admin page in real Chromium:
// a name CUPS would refuse is flagged in both languages and cannot be saved; a good one is
// saved on the hub, and the desk's printer health (here: a queue the hub's CUPS does not know)
// is shown beside it.
import type { Browser } from 'playwright-core'
import { expect } from 'vitest'
import { chromiumPerFile } from '../helpers/browser.js'
import { test } from '../helpers/hub-fixture.js'
import { until } from '../helpers/until.js'

const it = test.extend<{ $file: { browser: Browser } }>({ browser: chromiumPerFile })

it('sets desk 1 to a Zebra with 4 × 3 in labels', { timeout: 60_000 }, async ({ hub: t, browser }) => {
  const page = await browser.newPage()
  try {
    await page.goto(`${t.url}/admin`)
    await page.getByTestId('admin-token').fill(t.adminToken)
    await page.getByTestId('admin-signin-submit').click()
    await page.getByTestId('tab-kiosks').click()
    const row = page.getByTestId('desk-printer-desk-1')
    await row.waitFor()
    // every stock is offered, by its name
    const options = await page.getByTestId('desk-printer-stock-desk-1').locator('option').allTextContents()
    expect(options).toHaveLength(8)
    expect(options.some((o) => /Zebra/.test(o))).toBe(true)
    await page.getByTestId('desk-printer-queue-desk-1').fill('Zebra desk 1')
    await expect.poll(() => row.getByRole('alert').textContent()).toMatch(/printa|printer/i)
    expect(await page.getByTestId('desk-printer-save-desk-1').isDisabled()).toBe(true)
    await page.getByTestId('desk-printer-queue-desk-1').fill('ZebraDesk1')
    await page.getByTestId('desk-printer-stock-desk-1').selectOption('zebra-4x3')
    await page.getByTestId('desk-printer-save-desk-1').click()
    const saved = await until(async () => {
      const res = await fetch(`${t.url}/api/desk-printers`, { headers: { Authorization: `Bearer ${t.adminToken}` } })
      const desks = ((await res.json()) as { desks: { deskId: string; printer: string; stock: string }[] }).desks
      return desks.find((d) => d.deskId === 'desk-1')
    })
    expect(saved).toMatchObject({ printer: 'ZebraDesk1', stock: 'zebra-4x3' })
    // no such queue at the hub's CUPS: its state is not "ready"
    await expect.poll(() => page.getByTestId('desk-printer-health-desk-1').textContent()).toMatch(/haijulikani|unknown/i)
  } finally {
    await page.close()
  }
})
