// The kiosk screen in real Chromium against a real agent and hub: USB scanner, a person
// typing, a forged badge, and the name search. (Camera: kiosk-camera.test.ts; several desks
// and the hub going away: kiosk-desks.test.ts.)
import { describe, expect } from 'vitest'
import type { AgentHandle } from '../../agent/agent.js'
import type { Page } from 'playwright-core'
import { DAY1_9AM, dismiss, forge, kioskTest, NEEMA, resultOf, scanWithWedge } from './kiosk-helpers.js'
import { isWhole } from '../../shared/ledger.js'

/** desk 1's kiosk at 09:00 on day 1, and its screen */
const it = kioskTest.extend<{ openDesk1: () => Promise<{ agent: AgentHandle; page: Page }> }>({
  openDesk1: async ({ stack, openPage }, use) =>
    use(async () => {
      const agent = await stack.addKiosk('desk-1', DAY1_9AM)
      return { agent, page: (await openPage(agent)).page }
    }),
})

describe('kiosk screen: USB scanner and search', () => {
  it(
    'a USB scanner typing with nothing focused admits, even with no camera; a VIP gets a note for the desk officer',
    { timeout: 20_000 },
    async ({ stack, openDesk1 }) => {
      const { page } = await openDesk1()
      // this browser has no camera: the screen says so, and the other ways in still work
      await expect.poll(() => page.getByTestId('camera-panel').getAttribute('data-camera')).toMatch(/unavailable|denied/)
      expect(await page.getByTestId('camera-error').innerText()).toMatch(/Kamera/)
      // nothing focused: the scan must not depend on a focused input
      expect(
        await page.evaluate(() => {
          const { document } = globalThis as unknown as { document: { activeElement: unknown; body: unknown } }
          return document.activeElement === document.body
        }),
      ).toBe(true)

      await scanWithWedge(page, stack.hub.store.signBadge({ attendeeSeq: 5, badgeVersion: 1 }))
      const r = await resultOf(page)
      expect(r.outcome).toBe('admitted')
      expect(r.text).toContain('Amina Shirima')
      expect(r.text).toContain('Karibu!')
      expect(r.text).toContain('Wageni')
      expect(r.text).toContain('Leo: Siku ya 1')
      expect(await page.getByTestId('result-note').getAttribute('data-flag')).toBe('vip')
      expect(r.text).toContain('VIP — mjulishe afisa itifaki')
    },
  )

  it(
    'a person typing slowly is not taken as a scan; a scan into the focused search box is, and leaves the box as it was',
    { timeout: 20_000 },
    async ({ stack, openDesk1 }) => {
      const { page, agent } = await openDesk1()
      const code = stack.hub.store.signBadge({ attendeeSeq: 2, badgeVersion: 1 })
      // a person typing part of a code (70 ms a key) and Enter, with nothing focused
      await page.keyboard.type(code.slice(0, 24), { delay: 70 })
      await page.keyboard.press('Enter')

      const search = page.getByTestId('search-input')
      await search.click()
      await page.keyboard.type('Ba', { delay: 150 })
      // the officer gives up typing and picks up the scanner
      await page.waitForTimeout(1200)
      await scanWithWedge(page, code)
      const r = await resultOf(page)
      expect(r.outcome).toBe('admitted')
      expect(r.text).toContain('Baraka Mwakyusa')
      expect(await search.inputValue()).toBe('Ba')
      // the scan's record is the only one: the slow typing before it was never taken as a scan
      expect(agent.kiosk.records.ledger.records.size).toBe(1)
    },
  )

  it(
    'a forged badge (one signature character changed) is red "invalid"; the same badge genuine is green',
    { timeout: 20_000 },
    async ({ stack, openDesk1 }) => {
      const { page } = await openDesk1()
      const code = stack.hub.store.signBadge({ attendeeSeq: 4, badgeVersion: 1 })
      await scanWithWedge(page, forge(code))
      const bad = await resultOf(page)
      expect(bad.outcome).toBe('invalid')
      expect(bad.text).toContain('Hii si beji halali')
      expect(bad.text).not.toContain('Juma Massawe')
      expect(await page.getByTestId('kiosk-result').getAttribute('class')).toContain('tone-bad')

      await dismiss(page)
      await scanWithWedge(page, code)
      expect((await resultOf(page)).outcome).toBe('admitted')
    },
  )

  it(
    'search without the apostrophe finds Ng’wanangwa; picking her admits, in English after one tap',
    { timeout: 20_000 },
    async ({ openDesk1 }) => {
      const { page, agent } = await openDesk1()
      await page.getByTestId('language-toggle').click()
      await expect.poll(() => page.getByTestId('status-online').innerText()).toBe('Online')

      await page.getByTestId('search-input').fill('ngwanang')
      const hit = page.locator('[data-testid="search-result"][data-attendee="A0001"]')
      await hit.waitFor()
      expect(await page.getByTestId('search-result').count()).toBe(1)
      await hit.click()
      const r = await resultOf(page)
      expect(r.outcome).toBe('admitted')
      expect(r.text).toContain(NEEMA)
      expect(r.text).toContain('Welcome!')
      expect(r.text).toContain('Today: Day 1')
      expect(await page.getByTestId('search-input').inputValue()).toBe('')
      expect(
        [...agent.kiosk.records.ledger.records.values()].map((rec) => (isWhole(rec) ? [rec.attendeeId, rec.method] : ['stub'])),
      ).toEqual([['A0001', 'search']])
    },
  )
})
