// The organiser's import on the admin page, in real Chromium against a real hub: a list whose
// group column has values the event does not know goes through the value-mapping step (one
// value to a group, one left out), "all or nothing" is disabled with its reason until then,
// and the import writes exactly what the preview said. Needs the renderer build.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { launchChromium } from '../helpers/browser.js'
import { tempDir } from '../helpers/temp-dir.js'
import { startTestHub, type TestHub } from '../helpers/test-hub.js'

const WAIT = { timeout: 10_000, interval: 50 }

let browser: Browser
let hub: TestHub
let dir: Awaited<ReturnType<typeof tempDir>>

beforeAll(async () => {
  dir = await tempDir('karibu-admin-import-')
  hub = await startTestHub(join(dir.path, 'hub'))
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await hub?.close()
  await dir?.remove()
})

const LIST = [
  'Registration No;Full Name;Institution;Kundi;Mobile',
  'E-1;Dkt. Neema Kombo;Wizara ya Fedha;1;0712 400 001',
  'E-2;Baraka Mrema;Ofisi ya Rais;Kundi A;0712 400 002',
  'E-3;Asha Njau;UDSM;kundi  a;0712 400 003',
  'E-4;Zuberi Ali;TRA;Wanafunzi;0712 400 004',
  'E-5;Rehema Mushi;TRA;Wageni;0712 400 005',
].join('\r\n')

async function signIn(page: Page) {
  await page.goto(`${hub.url}/admin`)
  await page.getByTestId('admin-token').fill(hub.adminToken)
  await page.getByTestId('admin-signin-submit').click()
  await page.getByTestId('tab-import').waitFor(WAIT)
}

it('maps an unknown group value to a group and leaves another out, then imports all or nothing', { timeout: 40_000 }, async () => {
  const file = join(dir.path, 'orodha.csv')
  await writeFile(file, `\uFEFF${LIST}\r\n`)
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } })
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  try {
    await signIn(page)
    await page.getByTestId('tab-import').click()
    await page.getByTestId('import-file').setInputFiles(file)
    const summary = page.getByTestId('import-summary')
    await expect.poll(() => summary.getAttribute('data-rows'), WAIT).toBe('5')
    expect(await summary.getAttribute('data-valid')).toBe('2')

    // each value the event does not know, once, with its row count
    const values = page.getByTestId('import-values')
    const rows = values.locator('tbody tr')
    await expect.poll(() => rows.count(), WAIT).toBe(2)
    expect(await rows.nth(0).getAttribute('data-value')).toBe('Kundi A')
    expect(await rows.nth(0).locator('td.num').innerText()).toBe('2')
    expect(await rows.nth(1).getAttribute('data-value')).toBe('Wanafunzi')
    // the problem names the row, the registration ID and the name
    const problem = page.getByTestId('import-problems').locator('tr[data-row="4"]')
    expect(await problem.innerText()).toContain('E-3')
    expect(await problem.innerText()).toContain('Asha Njau')
    // all or nothing cannot work yet, and the page says why before the click
    expect(await page.getByTestId('import-all-or-nothing').isDisabled()).toBe(true)
    expect(await page.getByTestId('import-all-reason').innerText()).toContain('safu 3 zina matatizo')

    await rows.nth(0).getByTestId('import-value-choice').selectOption({ label: 'Kundi la 3: Wageni' })
    await expect.poll(() => summary.getAttribute('data-valid'), WAIT).toBe('4')
    await page
      .getByTestId('import-values')
      .locator('tr[data-value="Wanafunzi"]')
      .getByTestId('import-value-choice')
      .selectOption({ label: 'Acha safu hizi nje (zisiingizwe)' })
    await expect
      .poll(
        () =>
          page
            .getByTestId('import-left-out')
            .isVisible()
            .catch(() => false),
        WAIT,
      )
      .toBe(true)
    expect(await page.getByTestId('import-left-out').innerText()).toContain('1')
    expect(await page.getByTestId('import-no-problems').isVisible()).toBe(true)
    expect(await page.getByTestId('import-all-or-nothing').isDisabled()).toBe(false)
    // the chosen values stay listed, showing the choice
    expect(await page.getByTestId('import-values').locator('tr[data-value="Kundi A"]').getAttribute('data-by')).toBe('chosen')

    await page.getByTestId('import-all-or-nothing').click()
    await page.getByTestId('import-done').waitFor(WAIT)
    const byId = (id: string) => hub.store.data.attendees.find((a) => a.externalId === id)
    expect(byId('E-1')).toMatchObject({ firstName: 'Neema', lastName: 'Kombo', title: 'Dkt.', groupId: 'ict', phone: '+255712400001' })
    expect(byId('E-2')?.groupId).toBe('guests')
    expect(byId('E-3')?.groupId).toBe('guests')
    expect(byId('E-4')).toBeUndefined()
    expect(byId('E-5')?.groupId).toBe('guests')
    expect(errors).toEqual([])
  } finally {
    await page.close()
  }
})
