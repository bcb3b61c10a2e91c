// Printing a badge from the kiosk's answer screen at a desk without a printer at the hub, in
// real Chromium against a real agent and hub: the screen asks the agent once; the agent logs
// the print, has the screen print it on the PC (a browser kiosk opens the badge page with the
// print dialog; in the Electron window the bridge prints silently) and reports how it went. A
// second print asks the officer (same badge again, or a new one). The answer stays on screen
// while the officer works. (A desk with a printer at the hub: kiosk-print-hub.test.ts.)
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AgentHandle } from '../../agent/agent.js'
import { launchChromium } from '../helpers/browser.js'
import { printJobsOf } from '../helpers/print-jobs.js'
import { startStack, type Stack } from '../helpers/stack.js'
import { until } from '../helpers/until.js'
import { DAY1_9AM, openKioskPage, resultOf } from './kiosk-helpers.js'

let stack: Stack
let agent: AgentHandle
let browser: Browser

beforeAll(async () => {
  stack = await startStack()
  agent = await stack.addKiosk('desk-1', DAY1_9AM)
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await stack?.close()
})

const jobsOf = (attendeeId: string) => printJobsOf(stack.hub, attendeeId)

/** Stands in for Electron's preload: its printer works. */
function workingPrinterBridge() {
  const w = globalThis as unknown as { karibu: unknown; printed: string[] }
  w.printed = []
  w.karibu = {
    printBadge: async (request: { path: string }) => {
      w.printed.push(request.path)
      return { ok: true }
    },
    exitKiosk: async () => ({ ok: false, error: 'wrong_pin' }),
    appInfo: async () => ({ version: 'test', platform: 'linux', packaged: false }),
  }
}

/** Stands in for Electron's preload: its printer jams. */
function jammedPrinterBridge() {
  const w = globalThis as unknown as { karibu: unknown; printed: string[] }
  w.printed = []
  w.karibu = {
    printBadge: async (request: { path: string }) => {
      w.printed.push(request.path)
      return { ok: false, error: 'print_failed' }
    },
    exitKiosk: async () => ({ ok: false, error: 'wrong_pin' }),
    appInfo: async () => ({ version: 'test', platform: 'linux', packaged: false }),
  }
}

async function checkIn(page: import('playwright-core').Page, query: string) {
  await page.getByTestId('search-input').fill(query)
  await page.getByTestId('search-result').first().click()
  return resultOf(page)
}

describe('printing from the answer screen', () => {
  it(
    'a browser kiosk opens the badge page to print; a second print asks, and a new badge revokes the old',
    { timeout: 30_000 },
    async () => {
      const kiosk = await openKioskPage(browser, agent)
      try {
        const { page, context } = kiosk
        expect((await checkIn(page, 'Amina Shirima')).outcome).toBe('admitted')
        const popup = context.waitForEvent('page')
        await page.getByTestId('print-badge').click()
        const opened = await popup
        expect(new URL(opened.url()).pathname + new URL(opened.url()).search).toBe('/badge/A0005?print=1')
        await opened.close()
        expect(await page.getByTestId('print-panel').getAttribute('data-step')).toBe('opened')
        expect((await jobsOf('A0005'))[0]).toMatchObject({ via: 'desk', badgeVersion: 1, deskId: 'desk-1' })

        // held on screen past the usual few seconds while the officer prints
        await page.waitForTimeout(4500)
        expect(await page.getByTestId('kiosk-result').count()).toBe(1)

        await page.getByTestId('print-badge').click()
        await page.getByTestId('print-panel').and(page.locator('[data-step="already"]')).waitFor()
        expect(await page.getByTestId('print-panel').innerText()).toContain('08:00, Meza 1')
        const second = context.waitForEvent('page')
        await page.getByTestId('print-reprint').click()
        await (await second).close()
        expect((await jobsOf('A0005')).map((j) => j.badgeVersion)).toEqual([2, 1])
        // the old code is refused at this kiosk once it has the registry change
        const old = stack.hub.store.signBadge({ attendeeSeq: 5, badgeVersion: 1 })
        await until(() => agent.kiosk.registry?.byId.get('A0005')?.badgeVersion === 2, 5000, 'new badge version at the kiosk')
        await page.getByTestId('kiosk-result').click()
        await page.keyboard.type(old, { delay: 5 })
        await page.keyboard.press('Enter')
        expect((await resultOf(page)).outcome).toBe('revoked')
      } finally {
        await kiosk.close()
      }
    },
  )

  it('in the Electron window one tap logs, prints through the bridge and reports it printed', { timeout: 20_000 }, async () => {
    const kiosk = await openKioskPage(browser, agent, { init: workingPrinterBridge })
    try {
      const { page } = kiosk
      await checkIn(page, 'Asha Mbwambo')
      await page.getByTestId('print-badge').click()
      await page.getByTestId('print-panel').and(page.locator('[data-step="done"]')).waitFor()
      expect(await page.getByTestId('print-panel').innerText()).toContain('Beji imetumwa kwa printa')
      expect(await page.evaluate(() => (globalThis as unknown as { printed: string[] }).printed)).toEqual(['/badge/A0010'])
      // the agent told the hub, not the screen: already there when the screen is answered
      expect((await jobsOf('A0010'))[0]).toMatchObject({ via: 'desk', deskId: 'desk-1', status: 'completed' })
    } finally {
      await kiosk.close()
    }
  })

  it(
    'in the Electron window the bridge prints; a jammed printer is reported and the badge does not count as printed',
    { timeout: 20_000 },
    async () => {
      const kiosk = await openKioskPage(browser, agent, { init: jammedPrinterBridge })
      try {
        const { page } = kiosk
        await checkIn(page, 'Emmanuel Lyimo')
        await page.getByTestId('print-badge').click()
        await page.getByTestId('print-panel').and(page.locator('[data-step="failed"]')).waitFor()
        expect(await page.evaluate(() => (globalThis as unknown as { printed: string[] }).printed)).toEqual(['/badge/A0009'])
        // reported before the screen was answered
        expect((await jobsOf('A0009'))[0]).toMatchObject({ status: 'failed', error: 'print_failed' })
        // so the next try is not refused as a second print
        await page.getByTestId('print-badge').click()
        await page.getByTestId('print-panel').and(page.locator('[data-step="failed"]')).waitFor()
        expect((await jobsOf('A0009')).every((j) => !j.force)).toBe(true)
      } finally {
        await kiosk.close()
      }
    },
  )
})
