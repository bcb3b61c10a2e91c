// Wrong pairing codes are shown to the organiser on the Kiosks tab, in the page's language:
// real Chromium on a real hub, the guesses made over HTTP as a guesser would.
import type { Browser } from 'playwright-core'
import { expect } from 'vitest'
import { chromiumPerFile } from '../helpers/browser.js'
import { test } from '../helpers/hub-fixture.js'

const it = test.extend<{ $file: { browser: Browser } }>({ browser: chromiumPerFile })

it('lists the refused pairing codes on the Kiosks tab', { timeout: 40_000 }, async ({ hub: t, browser }) => {
  for (const code of ['AAAAAA', 'BBBBBB'])
    expect((await fetch(`${t.url}/api/pair`, { method: 'POST', body: JSON.stringify({ code, name: 'Guess' }) })).status).toBe(403)
  const page = await browser.newPage()
  try {
    await page.goto(`${t.url}/admin`)
    await page.getByTestId('admin-token').fill(t.adminToken)
    await page.getByTestId('admin-signin-submit').click()
    await page.getByTestId('tab-kiosks').click()
    const list = page.getByTestId('pairing-failures')
    await list.waitFor()
    expect(await list.locator('h3').innerText()).toBe('Msimbo wa kuunganisha uliokataliwa')
    expect(await list.locator('tbody tr').count()).toBe(2)
    expect(await list.locator('tbody tr').first().innerText()).toContain('127.0.0.1')
    if (process.env.KARIBU_SCREENSHOT) await page.screenshot({ path: process.env.KARIBU_SCREENSHOT, fullPage: true })
  } finally {
    await page.close()
  }
})
