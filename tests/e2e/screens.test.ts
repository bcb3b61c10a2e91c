// Every screen state, in both languages, at every size a venue has (800×480 desk screens to
// 1920×1080, and 390/360 px phones), in real Chromium against a real hub and kiosk agent.
// Each picture goes to the gallery (screens/index.html) and each is checked: nothing wider
// than the screen, a kiosk answer whole on the screen, no text cut by its box, touch targets
// of 44 px, and no serious or critical axe-core finding.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAgent } from '../../agent/agent.js'
import { launchChromium } from '../helpers/browser.js'
import { tempDir } from '../helpers/temp-dir.js'
import { SIZES } from '../screens/checks.js'
import { Capture, LANGS, openScreenPage, type Lang } from '../screens/capture.js'
import { writeIndex } from '../screens/gallery.js'
import { openVenue, SHARED_SURNAME, type Venue } from '../screens/venue.js'
import { DAY1_9AM, forge, scanWithWedge } from './kiosk-helpers.js'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
const newPage = (lang: Lang) => openScreenPage(browser, lang)
afterAll(async () => {
  writeIndex()
  await browser?.close()
})

/** Scans at the desk's usual size; `Capture.state` then holds the answer's timers while it is pictured. */
async function answer(page: Page, code: string, outcome: string) {
  await page.setViewportSize({ width: 1024, height: 600 })
  // each answer puts the kiosk back in Swahili: an English reader taps English again
  const lang = await page.getAttribute('html', 'lang')
  if (englishKiosks.has(page.context()) && lang !== 'en') {
    await page.getByTestId('language-toggle').click()
    await page.locator('html[lang=en]').waitFor({ state: 'attached' })
  }
  await scanWithWedge(page, code)
  const result = page.getByTestId('kiosk-result')
  await result.waitFor()
  expect(await result.getAttribute('data-outcome')).toBe(outcome)
}

async function dismiss(page: Page) {
  await page.clock.resume()
  await page.getByTestId('kiosk-result').click({ position: { x: 5, y: 5 } })
  await page.getByTestId('kiosk-result').waitFor({ state: 'detached' })
  expect(await page.getAttribute('html', 'lang')).toBe('sw')
}

/** The English run's kiosks, which tap English before each scan. */
const englishKiosks = new Set<BrowserContext>()

describe.each(LANGS)('screens in %s', (lang) => {
  let venue: Venue

  it('kiosk, dashboard and admin page in every state fit every screen', { timeout: 420_000 }, async () => {
    venue = await openVenue()
    const capture = new Capture(lang)
    const { stack } = venue
    try {
      const agent = await stack.addKiosk('desk-1', DAY1_9AM)

      // the kiosk: scanning, search, each answer
      const kiosk = await newPage(lang)
      if (lang === 'en') englishKiosks.add(kiosk.context)
      await kiosk.page.clock.install()
      await kiosk.page.goto(agent.launchUrl())
      await kiosk.page.getByTestId('kiosk-status').waitFor()
      const k = kiosk.page
      // the venue's desks have no badge printer: the first screen says so, until put away
      await k.getByTestId('no-printer-notice').waitFor()
      await capture.state(k, 'kiosk', 'no-printer')
      await k.getByTestId('no-printer-dismiss').click()
      await capture.state(k, 'kiosk', 'scan')
      await k.getByTestId('search-input').fill(SHARED_SURNAME)
      await k.getByTestId('search-result').first().waitFor()
      await capture.state(k, 'kiosk', 'search')
      await k.getByTestId('search-input').fill('')

      const long = venue.attendee('REG-LONG')
      await answer(k, venue.badge(long.id), 'admitted')
      await capture.state(k, 'kiosk', 'answer-admitted', { answer: true })
      await dismiss(k)
      await answer(k, venue.badge(venue.attendee('REG-6').id), 'already_checked_in')
      await capture.state(k, 'kiosk', 'answer-already-in', { answer: true })
      await dismiss(k)
      await answer(k, venue.badge(venue.attendee('REG-M1').id), 'wrong_day')
      await capture.state(k, 'kiosk', 'answer-wrong-day', { answer: true })
      await dismiss(k)
      await answer(k, venue.badge(venue.attendee('REG-REPRINT').id, 1), 'revoked')
      await capture.state(k, 'kiosk', 'answer-old-badge', { answer: true })
      await dismiss(k)
      await answer(k, forge(venue.badge(venue.attendee('REG-3').id)), 'invalid')
      await capture.state(k, 'kiosk', 'answer-forged', { answer: true })
      await dismiss(k)
      await answer(k, 'KB1-THIS-IS-NOT-A-KARIBU-BADGE-0000', 'invalid')
      await capture.state(k, 'kiosk', 'answer-not-a-badge', { answer: true })
      await dismiss(k)
      await answer(k, 'ABC-12345', 'invalid')
      await capture.state(k, 'kiosk', 'answer-short-code', { answer: true })
      await dismiss(k)

      // a badge as the desk prints it (the longest name and institution), at a desk screen's size
      const badgePage = await kiosk.context.newPage()
      await badgePage.goto(`${agent.url}/badge/${long.id}`)
      await badgePage.waitForLoadState('networkidle')
      await capture.state(badgePage, 'kiosk', 'badge', { sizes: [SIZES[2]!] })
      await badgePage.close()

      // the exhibition door: its hall is full (3 of 3), and the door is told so
      const doorAgent = await stack.addKiosk('expo-door', DAY1_9AM)
      const door = await newPage(lang)
      if (lang === 'en') englishKiosks.add(door.context)
      await door.page.clock.install()
      await door.page.goto(doorAgent.launchUrl())
      await door.page.locator('[data-testid=status-hall][data-level=alarm]').waitFor()
      await door.page.getByTestId('no-printer-dismiss').click()
      await capture.state(door.page, 'kiosk', 'door-hall-full')
      await answer(door.page, venue.badge(venue.attendee('REG-M4').id), 'admitted')
      expect(await door.page.getByTestId('result-hall-full').count()).toBe(1)
      await capture.state(door.page, 'kiosk', 'answer-admitted-hall-full', { answer: true })
      await dismiss(door.page)
      await door.context.close()

      // the dashboard: live, with a full hall and cases to review
      const dash = await newPage(lang)
      await dash.page.goto(`${stack.hub.url}/dashboard#token=${stack.hub.usherToken}`)
      await dash.page.getByTestId('checked-in-total').waitFor()
      await capture.state(dash.page, 'dashboard', 'live')

      // the admin page: each tab
      const admin = await newPage(lang)
      await admin.page.goto(`${stack.hub.url}/admin`)
      await capture.state(admin.page, 'admin', 'sign-in')
      await admin.page.getByTestId('admin-signin').locator('input').fill('kbu_not-an-admin-credential')
      await admin.page.getByTestId('admin-signin').locator('button[type=submit]').click()
      await admin.page.getByTestId('admin-signin').getByRole('alert').waitFor()
      await capture.state(admin.page, 'admin', 'sign-in-refused')
      await admin.page.getByTestId('admin-signin').locator('input').fill(stack.hub.adminToken)
      await admin.page.getByTestId('admin-signin').locator('button[type=submit]').click()
      for (const tab of ['import', 'event', 'walkIn', 'kiosks', 'exports', 'credentials']) {
        await admin.page.getByTestId(`tab-${tab}`).click()
        await admin.page.getByTestId(`panel-${tab}`).waitFor()
        await admin.page.waitForLoadState('networkidle')
        await capture.state(admin.page, 'admin', tab)
      }

      // the hub goes away: the kiosk keeps admitting, offers its records on a USB stick, and
      // the dashboard says its figures are stale
      const offlineBadge = venue.badge(venue.attendee('REG-M3').id)
      await stack.stopHub()
      await k.getByTestId('status-online').and(k.locator('[data-online=false]')).waitFor()
      await answer(k, offlineBadge, 'admitted')
      await dismiss(k)
      await k.getByTestId('outbox-export').waitFor()
      await capture.state(k, 'kiosk', 'offline')
      await dash.page.getByTestId('stale-banner').waitFor({ timeout: 20_000 })
      await capture.state(dash.page, 'dashboard', 'stale')
      await stack.restartHub()

      // a kiosk not yet paired, started with `--hub`: the address is offered; a wrong code is
      // told apart from a hub that does not answer
      const fresh = await tempDir('karibu-kiosk-')
      const unpaired = await startAgent({ dataDir: fresh.path, port: 0, hubUrl: stack.hub.url, log: () => {} })
      const pairing = await newPage(lang)
      await pairing.page.goto(unpaired.launchUrl())
      const form = pairing.page.getByTestId('pair-form')
      await form.waitFor()
      expect(await form.locator('input[type=url]').inputValue()).toBe(stack.hub.url)
      await capture.state(pairing.page, 'kiosk', 'pairing')
      await form.locator('input[maxlength="6"]').fill('ZZZ999')
      await form.locator('input[maxlength="60"]').fill('Meza 9')
      await form.locator('button[type=submit]').click()
      expect(await pairing.page.getByTestId('pair-failed').getAttribute('data-failure')).toBe('code_refused')
      await capture.state(pairing.page, 'kiosk', 'pairing-wrong-code')
      await form.locator('input[type=url]').fill('http://127.0.0.1:9')
      await form.locator('button[type=submit]').click()
      await pairing.page.locator('[data-testid=pair-failed][data-failure=hub_unreachable]').waitFor()
      await unpaired.close()
      await fresh.remove()

      // the organiser revokes desk-1's kiosk: its screen says so and what to do
      const kioskId = agent.kiosk.data.pairing!.kioskId
      const revoked = await fetch(`${stack.hub.url}/api/admin/kiosks/${kioskId}/revoke`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${stack.hub.adminToken}` },
      })
      expect(revoked.status).toBe(200)
      await k.getByTestId('pair-lost').waitFor()
      expect(await k.getByTestId('pair-lost').getAttribute('data-reason')).toBe('revoked')
      await capture.state(k, 'kiosk', 'revoked')

      for (const c of [kiosk, dash, admin, pairing]) await c.context.close()
    } finally {
      await stack.close()
    }
    expect(capture.problems).toEqual([])
  })
})
