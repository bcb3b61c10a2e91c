// The organiser gets the documents from the admin page in real Chromium: the attendance
// register PDF with the chosen options, the summary, and certificates after setting who signs
// and uploading a logo. Each download is checked with pdftotext.
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Browser, Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { writeFile } from 'node:fs/promises'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { at } from '../fixtures/event.js'
import { documentsEvent, LONG_NAME, LONGEST_INSTITUTION } from '../fixtures/documents.js'
import { launchChromium } from '../helpers/browser.js'
import { flat } from '../helpers/pdf-text.js'
import { submission } from '../helpers/submissions.js'
import { tempDir } from '../helpers/temp-dir.js'
import { startTestHub, type TestHub } from '../helpers/test-hub.js'
import { until } from '../helpers/until.js'

const exec = promisify(execFile)
let t: TestHub
let browser: Browser
let dir: Awaited<ReturnType<typeof tempDir>>

beforeAll(async () => {
  dir = await tempDir('karibu-docs-')
  t = await startTestHub(dir.path, { seed: documentsEvent })
  const paired = await t.pairKiosk()
  for (const id of ['A0001', 'A0002', 'A0005'])
    await t.store.submit(submission(paired.kioskId, { attendeeId: id, scannedAt: at('08:15'), method: 'search' }))
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await t?.close()
  await dir?.remove()
})

async function download(page: Page, testId: string): Promise<string> {
  const pending = page.waitForEvent('download')
  await page.getByTestId(testId).click()
  const d = await pending
  const file = join(dir.path, d.suggestedFilename())
  await d.saveAs(file)
  return file
}
const text = async (pdf: string) => flat((await exec('pdftotext', ['-raw', pdf, '-'])).stdout)

it('register, summary and certificates come from the Reports tab', { timeout: 60_000 }, async () => {
  const page = await browser.newPage({ acceptDownloads: true })
  try {
    await page.goto(`${t.url}/admin`)
    await page.getByTestId('admin-token').fill(t.adminToken)
    await page.getByTestId('admin-signin-submit').click()
    await page.getByTestId('tab-exports').click()
    await page.getByTestId('export-group').first().selectOption('ict')
    await page.getByTestId('export-institution').selectOption(LONGEST_INSTITUTION)
    await page.getByTestId('export-columns').getByText('Simu').click()
    await page.getByTestId('export-officer-name').fill('Bi. Rehema Mushi')
    const register = await download(page, 'export-register-pdf')
    expect(register).toMatch(/register-d1-ict-institution\.pdf$/)
    const reg = await text(register)
    expect(reg).toContain(LONG_NAME)
    expect(reg).toContain('+255712000000')
    expect(reg).toContain('Bi. Rehema Mushi')
    expect(reg).toContain('Walioingia / Checked in: 1')

    expect(await text(await download(page, 'export-summary'))).toContain('Ripoti ya muhtasari / Summary report')

    await page.getByTestId('cert-signatory-name').fill('Eng. Benedict B. Ndomba')
    await page.getByTestId('cert-signatory-title').fill('Mkurugenzi Mkuu')
    await page.getByTestId('cert-save').click()
    await until(async () => (await page.getByTestId('cert-eligible').innerText()).includes('3'), 5000, 'eligible count')
    const png = new PNG({ width: 120, height: 60 })
    png.data.fill(200)
    const logo = join(dir.path, 'nembo.png')
    await writeFile(logo, PNG.sync.write(png))
    await page.getByTestId('cert-logo').setInputFiles(logo)
    await until(async () => (await page.getByTestId('cert-logo-status').innerText()).includes('120×60'), 5000, 'logo stored')
    const bulk = await download(page, 'cert-bulk')
    const certs = await text(bulk)
    expect(certs).toContain(LONG_NAME)
    expect(certs).toContain('Eng. Benedict B. Ndomba')
    expect((await exec('pdfinfo', [bulk])).stdout).toMatch(/Pages:\s+3/)
  } finally {
    await page.close()
  }
})
