// The ushers' dashboard in real Chromium against a real hub and real kiosk agents: live
// figures without reload, a plain stale banner across a hub restart, hall levels, the usher
// credential's limits, and figures equal to /api/stats after a burst from several desks.
// Needs the renderer build (npm test builds it first).
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { AgentHandle } from '../../agent/agent.js'
import type { DashboardView } from '../../shared/protocol.js'
import { deskAdvice } from '../../renderer/src/pages/dashboard/model/desk-advice.js'
import { launchChromium } from '../helpers/browser.js'
import { openKioskScreen, type KioskScreen } from '../helpers/kiosk-client.js'
import { startStack, type Stack } from '../helpers/stack.js'
import { until } from '../helpers/until.js'

const DAY1_KIOSK_CLOCK = () => new Date('2026-11-24T09:00:00+03:00')
const WAIT = { timeout: 10_000, interval: 50 }

let browser: Browser
let context: BrowserContext | null = null
let stack: Stack | null = null
const screens: KioskScreen[] = []
let pageErrors: string[] = []

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})
afterEach(async () => {
  for (const s of screens.splice(0)) s.disconnect()
  await context?.close()
  context = null
  await stack?.close()
  stack = null
})

async function newPage(): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  pageErrors = []
  page.on('pageerror', (err) => pageErrors.push(err.message))
  return page
}

async function openDashboard(s: Stack): Promise<Page> {
  const page = await newPage()
  await page.goto(`${s.hub.url}/dashboard#token=${s.hub.usherToken}`)
  await page.getByTestId('checked-in-total').waitFor(WAIT)
  return page
}

async function screenOf(agent: AgentHandle) {
  const screen = await openKioskScreen(agent)
  screens.push(screen)
  return screen
}

/** the credential the page kept (read in the page, where localStorage lives) */
const storedToken = (page: Page) => page.evaluate<string | null>("localStorage.getItem('karibu.token.dashboard')")
const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').trim()
const attendeeId = (seq: number) => `A${String(seq).padStart(4, '0')}`
const digits = (s: string | null) => Number((s ?? '').replace(/\D/g, ''))

async function apiView(s: Stack, token = s.hub.usherToken): Promise<DashboardView> {
  const res = await fetch(`${s.hub.url}/api/stats`, { headers: { Authorization: `Bearer ${token}` } })
  expect(res.status).toBe(200)
  return (await res.json()) as DashboardView
}
const apiStats = async (s: Stack) => (await apiView(s)).stats

describe('dashboard', () => {
  it('takes the credential from the link, hides it, and a check-in on a kiosk updates it without reload', async () => {
    stack = await startStack()
    const kiosk = await stack.addKiosk('desk-1', DAY1_KIOSK_CLOCK)
    const page = await openDashboard(stack)
    const consoleErrors: string[] = []
    page.on('console', (m) => (m.type() === 'error' ? consoleErrors.push(m.text()) : undefined))

    expect(page.url()).toBe(`${stack.hub.url}/dashboard`)
    expect(await storedToken(page)).toBe(stack.hub.usherToken)
    expect(await text(page, 'checked-in-total')).toBe('0')
    expect(digits(await text(page, 'expected-total'))).toBe(8) // ict + guests may come on day 1
    await page.evaluate(() => ((globalThis as { karibuMarker?: number }).karibuMarker = 42))

    const screen = await screenOf(kiosk)
    const vip = await screen.scan({ code: stack.hub.store.signBadge({ attendeeSeq: 5, badgeVersion: 1 }) })
    expect(vip.outcome).toBe('admitted')
    await expect.poll(() => text(page, 'checked-in-total'), WAIT).toBe('1')
    expect(await page.evaluate(() => (globalThis as { karibuMarker?: number }).karibuMarker)).toBe(42)
    await expect.poll(() => page.getByTestId('vip-A0005').textContent(), WAIT).toContain('Amina Shirima')
    expect(await page.getByTestId('group-guests').locator('.checked-in').textContent()).toBe('1')
    expect(digits(await text(page, 'not-arrived'))).toBe(7)

    await screen.scan({ code: stack.hub.store.signBadge({ attendeeSeq: 1, badgeVersion: 1 }) })
    await expect.poll(() => text(page, 'checked-in-total'), WAIT).toBe('2')
    expect(await page.evaluate(() => (globalThis as { karibuMarker?: number }).karibuMarker)).toBe(42)

    // Swahili first, English on one tap; the kiosk row shows the hour the kiosk's clock is ahead
    expect(await page.getByTestId('dashboard').textContent()).toContain('Walioingia / wanaotarajiwa')
    await page.getByTestId('language').click()
    await expect.poll(() => page.getByTestId('dashboard').textContent(), WAIT).toContain('Checked in / expected')
    const row = page.getByTestId(`kiosk-${kiosk.kiosk.data.pairing!.kioskId}`)
    expect(await row.getAttribute('data-status')).toBe('online')
    await expect.poll(() => row.locator('td.clock').getAttribute('data-skewed'), WAIT).toBe('true')
    expect(await row.locator('td.clock').textContent()).toBe('+1 h')

    expect(pageErrors).toEqual([])
    expect(consoleErrors).toEqual([]) // CSP violations would show here
  })

  it('shows a stale banner while the hub is down, then reconnects by itself and asks again', async () => {
    stack = await startStack()
    // check-ins written straight to the store: the hub pushes nothing for them, so the page
    // can only learn of them by asking
    const checkIn = (seq: number) =>
      stack!.hub.store.submit({
        id: `direct-check-in-${seq}`,
        attendeeId: attendeeId(seq),
        deskId: 'desk-1',
        kioskId: 'kiosk-test',
        kind: 'in',
        method: 'search',
        scannedAt: '2026-11-24T08:00:00+03:00',
        clockOffsetMs: 0,
      })
    for (const seq of [1, 2]) expect((await checkIn(seq)).record.outcome).toBe('admitted')
    const page = await openDashboard(stack)
    expect(await text(page, 'checked-in-total')).toBe('2')
    expect(await page.getByTestId('stale-banner').count()).toBe(0)
    // live first: the figures above came over HTTP, and a socket still in its handshake when the
    // hub stops learns it only at the handshake's own timeout; and the hub's stop must not wait
    // for the browser's open connections
    await page.locator('[data-testid=connection][data-connected=true]').waitFor(WAIT)

    await stack.stopHub()
    const banner = page.getByTestId('stale-banner')
    await banner.waitFor(WAIT)
    expect(await banner.textContent()).toMatch(/Takwimu hizi si za sasa — hakuna muunganisho tangu \d{2}:\d{2}/)
    expect(await page.getByTestId('dashboard').getAttribute('data-stale')).toBe('true')
    expect(await page.getByTestId('connection').getAttribute('data-connected')).toBe('false')
    expect(await text(page, 'checked-in-total')).toBe('2')
    await page.getByTestId('language').click()
    await expect.poll(() => banner.textContent(), WAIT).toMatch(/These figures are not current — no connection since \d{2}:\d{2}/)

    // the hub comes back with one more check-in than the page saw; the page stays cut off
    // until it is stored, so only its own question on reconnecting can bring the 3
    await context!.setOffline(true)
    await stack.restartHub()
    expect((await checkIn(4)).record.outcome).toBe('admitted')
    await context!.setOffline(false)
    await banner.waitFor({ state: 'detached', timeout: 15_000 })
    expect(await page.getByTestId('connection').getAttribute('data-connected')).toBe('true')
    await expect.poll(() => text(page, 'checked-in-total'), WAIT).toBe('3')
    expect((await apiStats(stack)).checkedIn).toBe(3)
    expect(pageErrors).toEqual([])
  })

  it('hall figures rise on entry and fall on exit, with warning from 90 % and alarm at capacity', async () => {
    stack = await startStack()
    // day 3, when every group may come: ten people, enough to fill the plenary (capacity 10)
    stack.hub.clock.now = new Date('2026-11-26T08:00:00+03:00')
    const day3 = () => new Date('2026-11-26T09:00:00+03:00')
    const [plenary, expo, exit] = await Promise.all([
      stack.addKiosk('desk-1', day3),
      stack.addKiosk('expo-door', day3),
      stack.addKiosk('expo-door', day3),
    ])
    await exit!.kiosk.configure((d) => (d.desk.mode = 'out'))
    const [toPlenary, toExpo, out] = await Promise.all([screenOf(plenary!), screenOf(expo!), screenOf(exit!)])
    const page = await openDashboard(stack)
    const hall = (id: string) => page.getByTestId(`hall-${id}`)
    const inside = (id: string) => text(page, `hall-${id}-inside`)
    const enter = async (screen: KioskScreen, seq: number) =>
      expect(['admitted', 'readmitted']).toContain((await screen.scan({ attendeeId: attendeeId(seq), method: 'search' })).outcome)

    expect(await hall('plenary').getAttribute('data-level')).toBe('ok')
    for (let seq = 1; seq <= 8; seq++) await enter(toPlenary, seq)
    await expect.poll(() => inside('plenary'), WAIT).toBe('8')
    expect(await hall('plenary').getAttribute('data-level')).toBe('ok')
    await enter(toPlenary, 9)
    await expect.poll(() => hall('plenary').getAttribute('data-level'), WAIT).toBe('warning')
    expect(await inside('plenary')).toBe('9')
    await enter(toPlenary, 10)
    await expect.poll(() => hall('plenary').getAttribute('data-level'), WAIT).toBe('alarm')
    expect(await inside('plenary')).toBe('10')

    // three of them walk over to the exhibition (capacity 3)
    await enter(toExpo, 1)
    await enter(toExpo, 2)
    await expect.poll(() => inside('expo'), WAIT).toBe('2')
    expect(await hall('expo').getAttribute('data-level')).toBe('ok')
    expect(await inside('plenary')).toBe('8')
    await enter(toExpo, 3)
    await expect.poll(() => hall('expo').getAttribute('data-level'), WAIT).toBe('alarm')
    expect(await inside('expo')).toBe('3')

    expect((await out.scan({ attendeeId: 'A0002', method: 'search' })).outcome).toBe('exited')
    await expect.poll(() => inside('expo'), WAIT).toBe('2')
    expect(await hall('expo').getAttribute('data-level')).toBe('ok')
    expect(await text(page, 'checked-in-total')).toBe('10') // leaving a hall is not leaving the event
    const halls = (await apiStats(stack)).halls
    expect(halls.map((h) => [h.hallId, h.inside, h.level])).toEqual([
      ['plenary', 7, 'ok'],
      ['expo', 2, 'ok'],
    ])
    expect(pageErrors).toEqual([])
  })

  it('shows the day picked from the event’s days, kept live although the hub pushes another day', async () => {
    stack = await startStack()
    const kiosk = await stack.addKiosk('desk-1', DAY1_KIOSK_CLOCK) // clock offset measured on day 1
    // the hub's own day moves on to day 2; the kiosk's scans still fall on day 1
    stack.hub.clock.now = new Date('2026-11-25T08:00:00+03:00')
    const page = await openDashboard(stack)
    const picker = page.getByTestId('day-picker')
    expect(await picker.inputValue()).toBe('d2')
    expect(await picker.locator('option').allTextContents()).toEqual(['Siku ya 1', 'Siku ya 2', 'Siku ya 3'])
    expect(await page.getByTestId('group-ict').locator('.dash-name').textContent()).toBe('Maafisa TEHAMA')

    await picker.selectOption('d1')
    await expect.poll(() => page.locator('main.dash-grid').getAttribute('data-day'), WAIT).toBe('d1')
    expect(await text(page, 'checked-in-total')).toBe('0')
    expect((await apiStats(stack)).dayId).toBe('d2') // what the hub pushes
    const screen = await screenOf(kiosk)
    for (const [i, seq] of [1, 2, 4].entries()) {
      expect((await screen.scan({ code: stack.hub.store.signBadge({ attendeeSeq: seq, badgeVersion: 1 }) })).outcome).toBe('admitted')
      await expect.poll(() => text(page, 'checked-in-total'), WAIT).toBe(String(i + 1))
    }
    expect(await picker.inputValue()).toBe('d1')

    await picker.selectOption('d3')
    await expect.poll(() => page.locator('main.dash-grid').getAttribute('data-day'), WAIT).toBe('d3')
    expect(await text(page, 'checked-in-total')).toBe('0')
    expect(digits(await text(page, 'expected-total'))).toBe(10) // every group may come on day 3
    expect(digits(await text(page, 'unique-all-days'))).toBe(3)
    expect(pageErrors).toEqual([])
  })

  it('the usher credential reads figures but reaches no admin or kiosk action; a refused one says so', async () => {
    stack = await startStack()
    const hub = stack.hub
    const post = (token?: string) =>
      fetch(`${hub.url}/api/pairing-codes`, { method: 'POST', headers: token ? { Authorization: `Bearer ${token}` } : {} })
    expect((await post(hub.usherToken)).status).toBe(403)
    expect((await post()).status).toBe(401)
    expect((await post(hub.adminToken)).status).toBe(200) // the same request is fine for the organiser

    const usher = await hub.client(hub.usherToken)
    expect(await usher.timeout(5000).emitWithAck('registry:pull', { since: 0 })).toEqual({ ok: false, error: 'forbidden' })
    expect(await usher.timeout(5000).emitWithAck('checkins:pull', { since: 0 })).toEqual({ ok: false, error: 'forbidden' })
    expect(await usher.timeout(5000).emitWithAck('kiosk:heartbeat', { outboxDepth: 0, clockOffsetMs: 0 })).toEqual({
      ok: false,
      error: 'forbidden',
    })
    expect((await usher.timeout(5000).emitWithAck('stats:get', {})).ok).toBe(true)

    // no credential: the form; a wrong one: a plain refusal, and nothing kept
    const page = await newPage()
    await page.goto(`${hub.url}/dashboard`)
    await page.getByTestId('token-form').waitFor(WAIT)
    await page.goto(`${hub.url}/dashboard#token=kbu_${'A'.repeat(32)}`)
    await page.getByTestId('token-refused').waitFor(WAIT)
    expect(await text(page, 'token-refused')).toContain('Kitovu kimekataa ufunguo huu')
    expect(await storedToken(page)).toBeNull()
    await page.getByTestId('language').click()
    await expect.poll(() => text(page, 'token-refused'), WAIT).toContain('The hub refused this credential')
    // a kiosk's credential is genuine but may not read figures: refused the same way
    const kioskToken = (await hub.pairKiosk('Desk PC')).token
    await page.goto('about:blank')
    await page.goto(`${hub.url}/dashboard#token=${kioskToken}`)
    await page.getByTestId('token-refused').waitFor(WAIT)
    expect(await storedToken(page)).toBeNull()

    // pasting the admin credential is turned away before it is stored; the usher one opens the page
    await page.locator('input[name="token"]').fill(hub.adminToken)
    await page.locator('button[type="submit"]').click()
    await expect.poll(() => page.getByTestId('token-form').textContent(), WAIT).toContain('This is the admin credential')
    expect(await storedToken(page)).toBeNull()
    await page.locator('input[name="token"]').fill(` ${hub.usherToken} `)
    await page.locator('button[type="submit"]').click()
    await expect.poll(() => text(page, 'checked-in-total'), WAIT).toBe('0')
    expect(await storedToken(page)).toBe(hub.usherToken)
    expect(pageErrors).toEqual([])
  })

  it('shows exactly the figures of /api/stats after a burst of 300 scans from three kiosks in both modes', async () => {
    stack = await startStack()
    const [a, b, c] = await Promise.all([
      stack.addKiosk('desk-1', DAY1_KIOSK_CLOCK),
      stack.addKiosk('expo-door', DAY1_KIOSK_CLOCK),
      stack.addKiosk('desk-2', DAY1_KIOSK_CLOCK),
    ])
    await c!.kiosk.configure((d) => (d.desk.mode = 'out'))
    const page = await openDashboard(stack)
    const agents = [a!, b!, c!]
    const kioskScreens = await Promise.all(agents.map(screenOf))

    await Promise.all(
      kioskScreens.map(async (screen, k) => {
        for (let i = 0; i < 100; i++) await screen.scan({ attendeeId: attendeeId(((i + k * 3) % 10) + 1), method: 'search' })
      }),
    )
    await until(
      () => agents.every((x) => x.kiosk.records.outbox.size === 0) && stack!.hub.store.ledger.records.size === 300,
      20_000,
      'all 300 delivered',
    )
    const view = await apiView(stack)
    const json = view.stats
    expect(json.lastSeq).toBe(300)
    // desk 1 scanned all ten people; two are leaders, not allowed on day 1
    expect(json.checkedIn).toBe(8)
    await expect.poll(() => page.locator('main.dash-grid').getAttribute('data-last-seq'), WAIT).toBe('300')

    expect(digits(await text(page, 'checked-in-total'))).toBe(json.checkedIn)
    expect(digits(await text(page, 'expected-total'))).toBe(json.expected)
    expect(digits(await text(page, 'not-arrived'))).toBe(json.notArrived)
    expect(digits(await text(page, 'unique-all-days'))).toBe(json.uniqueAllDays)
    for (const g of json.groups) {
      const row = page.getByTestId(`group-${g.key}`)
      // a group not expected that day, with nobody in, is left off the page
      if (g.expected === 0 && g.checkedIn === 0) {
        expect(await row.count(), g.key).toBe(0)
        continue
      }
      expect([digits(await row.locator('.checked-in').textContent()), digits(await row.locator('.expected').textContent())], g.key).toEqual(
        [g.checkedIn, g.expected],
      )
    }
    for (const [testId, tallies] of [
      ['categories', json.categories],
      ['org-types', json.orgTypes],
    ] as const) {
      const rows = page.getByTestId(testId).locator('tbody tr')
      expect(await rows.count()).toBe(tallies.length)
      for (const x of tallies) {
        const row = page.getByTestId(testId).locator(`tr[data-key="${x.key}"]`)
        expect(
          [digits(await row.locator('.checked-in').textContent()), digits(await row.locator('.expected').textContent())],
          x.key,
        ).toEqual([x.checkedIn, x.expected])
      }
    }
    for (const d of json.desks) {
      const row = page.getByTestId(`desk-${d.deskId}`)
      expect([digits(await row.locator('.admitted').textContent()), digits(await row.locator('.last15m').textContent())], d.deskId).toEqual(
        [d.admitted, d.last15m],
      )
    }
    for (const h of json.halls) {
      expect(digits(await text(page, `hall-${h.hallId}-inside`)), h.hallId).toBe(h.inside)
      expect(await page.getByTestId(`hall-${h.hallId}`).getAttribute('data-level')).toBe(h.level)
    }
    const arrivals = page.getByTestId('arrivals').locator('tr[data-at]')
    expect(
      await arrivals.evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-at'), Number(r.querySelector('.count')?.textContent)])),
    ).toEqual(json.arrivals.map((x) => [x.at, x.count]))
    // the open-another-desk prompt follows the rule applied to the hub's figures
    expect(await page.getByTestId('open-desk').count()).toBe(deskAdvice(json, view.kiosks).openAnother ? 1 : 0)
    const ids = (testId: string) =>
      page
        .getByTestId(testId)
        .locator('li')
        .evaluateAll((items) => items.map((i) => i.getAttribute('data-testid')))
    expect(await ids('vip-arrivals')).toEqual(json.vipArrivals.map((v) => `vip-${v.attendeeId}`))
    expect(await ids('reviews')).toEqual(json.reviews.map((r) => `review-${r.recordId}`))
    expect(pageErrors).toEqual([])
  })
})
