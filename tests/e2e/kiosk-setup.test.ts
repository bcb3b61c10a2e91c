// Setting a kiosk up from its own screen (pair with the hub, choose a desk and check-out mode),
// a wrong-day badge, and leaving kiosk mode through the Electron bridge when it is there.
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startAgent, type AgentHandle } from '../../agent/agent.js'
import { createPairingCode } from '../../hub/kiosks/pairing.js'
import { launchChromium } from '../helpers/browser.js'
import { startStack, type Stack } from '../helpers/stack.js'
import { tempDir } from '../helpers/temp-dir.js'
import { DAY1_9AM, openKioskPage, resultOf, scanWithWedge, type KioskPage } from './kiosk-helpers.js'

let browser: Browser
let stack: Stack
const cleanup: (() => Promise<void>)[] = []

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})
beforeEach(async () => {
  stack = await startStack()
})
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn()
  await stack.close()
})

/** Stands in for Electron's preload: records the PINs it is given; 2468 is right. */
function fakeBridge() {
  const pins: string[] = []
  const w = globalThis as unknown as { karibu: unknown; exitPins: string[] }
  w.exitPins = pins
  w.karibu = {
    exitKiosk: async (pin: string) => {
      pins.push(pin)
      return pin === '2468' ? { ok: true } : { ok: false, error: 'wrong_pin' }
    },
    printBadge: async () => ({ ok: false, error: 'not_here' }),
    appInfo: async () => ({ version: 'test', platform: 'linux', packaged: false }),
  }
}

/** A new kiosk agent that has never been paired, and its screen in a fresh context. */
async function unpairedKiosk(): Promise<{ agent: AgentHandle; page: Page }> {
  const dir = await tempDir('karibu-kiosk-')
  cleanup.push(() => dir.remove())
  const agent = await startAgent({ dataDir: dir.path, port: 0, now: DAY1_9AM, ackTimeoutMs: 2000, log: () => {} })
  cleanup.push(() => agent.close())
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  cleanup.push(() => context.close())
  const page = await context.newPage()
  page.setDefaultTimeout(10_000)
  await page.goto(agent.launchUrl())
  return { agent, page }
}

describe('kiosk setup screens', () => {
  it('pairs from the screen, takes a desk in check-out mode, and then records exits (blue)', { timeout: 25_000 }, async () => {
    const { agent, page } = await unpairedKiosk()

    const pair = page.getByTestId('pair-form')
    await pair.waitFor()
    const { code } = await createPairingCode(stack.hub.store, 5)
    await pair.getByLabel('Anwani ya kitovu').fill(stack.hub.url)
    await pair.getByLabel('Msimbo wa kuunganisha').fill(code.toLowerCase())
    await pair.getByLabel('Jina la kioski').fill('Mlango wa Kusini')
    await pair.getByRole('button', { name: 'Unganisha' }).click()

    const desk = page.getByTestId('desk-form')
    await desk.waitFor()
    expect(await page.getByTestId('desk-choice').allInnerTexts()).toEqual(['Meza 1', 'Meza 2', 'Mlango wa Maonesho'])
    await desk.getByRole('radio', { name: 'Meza 2' }).click()
    await desk.getByRole('radio', { name: 'Kutoka' }).click()
    await desk.getByRole('button', { name: 'Anza kuingiza washiriki' }).click()

    await page.getByTestId('kiosk-status').waitFor()
    expect(await page.getByTestId('status-desk').innerText()).toContain('Meza 2')
    expect(await page.getByTestId('status-mode').getAttribute('data-mode')).toBe('out')
    expect(agent.kiosk.data.pairing?.name).toBe('Mlango wa Kusini')

    await scanWithWedge(page, stack.hub.store.signBadge({ attendeeSeq: 2, badgeVersion: 1 }))
    const r = await resultOf(page)
    expect(r.outcome).toBe('exited')
    expect(r.text).toContain('Kwaheri!')
    expect(r.text).toContain('Baraka Mwakyusa')
    expect(await page.getByTestId('kiosk-result').getAttribute('class')).toContain('tone-neutral')
  })

  it("pairs by showing the admin page's pairing QR to a USB scanner: nothing typed", { timeout: 25_000 }, async () => {
    const { agent, page } = await unpairedKiosk()
    await page.getByTestId('pair-form').waitFor()
    const { code } = await createPairingCode(stack.hub.store, 5)
    // what the admin page's QR holds (KiosksTab), typed by the scanner in one burst
    await scanWithWedge(page, JSON.stringify({ hub: stack.hub.url, code }))
    await page.getByTestId('desk-form').waitFor()
    expect(agent.kiosk.data.pairing).toMatchObject({ hubUrl: stack.hub.url, name: 'Kioski kipya' })
  })

  it('a wrong-day badge is red with the allowed days; the exit button asks the PIN and calls the bridge', { timeout: 25_000 }, async () => {
    const agent = await stack.addKiosk('desk-1', DAY1_9AM)
    const kiosk: KioskPage = await openKioskPage(browser, agent, { init: fakeBridge })
    cleanup.push(() => kiosk.close())
    const { page } = kiosk

    await scanWithWedge(page, stack.hub.store.signBadge({ attendeeSeq: 3, badgeVersion: 1 }))
    const r = await resultOf(page)
    expect(r.outcome).toBe('wrong_day')
    expect(r.text).toContain('Rehema Kimaro')
    expect(await page.getByTestId('result-allowed-days').locator('li').allInnerTexts()).toEqual(['Siku ya 3 · Alhamisi 26/11/2026'])
    await page.getByTestId('kiosk-result').click()

    await page.getByTestId('exit-kiosk').click()
    const dialog = page.getByTestId('exit-dialog')
    await dialog.getByLabel('PIN ya mratibu').fill('1111')
    await dialog.getByRole('button', { name: 'Toka', exact: true }).click()
    await dialog.getByText('PIN si sahihi').waitFor()
    await dialog.getByLabel('PIN ya mratibu').fill('2468')
    await dialog.getByRole('button', { name: 'Toka', exact: true }).click()
    await dialog.waitFor({ state: 'detached' })
    expect(await page.evaluate(() => (globalThis as unknown as { exitPins: string[] }).exitPins)).toEqual(['1111', '2468'])
  })

  it('without the Electron bridge there is no exit button', { timeout: 15_000 }, async () => {
    const agent = await stack.addKiosk('desk-1', DAY1_9AM)
    const kiosk = await openKioskPage(browser, agent)
    cleanup.push(() => kiosk.close())
    expect(await kiosk.page.getByTestId('language-toggle').count()).toBe(1)
    expect(await kiosk.page.getByTestId('exit-kiosk').count()).toBe(0)
  })

  it(
    'a page not opened from the agent link says so in both languages; the link works once and a reload keeps the session',
    { timeout: 20_000 },
    async () => {
      const agent = await stack.addKiosk('desk-1', DAY1_9AM)
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
      cleanup.push(() => context.close())
      const page = await context.newPage()
      page.setDefaultTimeout(10_000)
      await page.goto(`${agent.url}/kiosk`)
      const notice = page.getByTestId('kiosk-no-session')
      await notice.waitFor()
      expect(await notice.innerText()).toMatch(
        /Fungua kioski kutoka kwenye kiungo[\s\S]*Open the kiosk from the link the kiosk service printed/,
      )
      expect(await page.getByTestId('kiosk-status').count()).toBe(0)

      const link = agent.launchUrl()
      await page.goto(link)
      await page.getByTestId('kiosk-status').waitFor()
      // the used token leaves the address bar; the cookie, not the link, carries the session
      expect(page.url()).toBe(`${agent.url}/kiosk`)
      await page.reload()
      await page.getByTestId('kiosk-status').waitFor()

      // the same link in another browser profile is worth nothing
      const other = await browser.newContext()
      cleanup.push(() => other.close())
      const stranger = await other.newPage()
      await stranger.goto(link)
      await stranger.getByTestId('kiosk-no-session').waitFor()
    },
  )

  it('the Electron window gets its launch token through the preload, with no link', { timeout: 15_000 }, async () => {
    const agent = await stack.addKiosk('desk-1', DAY1_9AM)
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    cleanup.push(() => context.close())
    const tokens = [agent.issueLaunch()]
    // what electron/preload exposes: main asks the in-process agent for a one-time token
    await context.addInitScript({
      content: `window.karibu = { agentLaunch: async () => ({ ok: true, token: ${JSON.stringify(tokens[0])} }), exitKiosk: async () => ({ ok: false, error: 'x' }), printBadge: async () => ({ ok: false, error: 'x' }), appInfo: async () => ({ version: 't', platform: 'linux', packaged: false }) }`,
    })
    const page = await context.newPage()
    page.setDefaultTimeout(10_000)
    await page.goto(`${agent.url}/kiosk`)
    await page.getByTestId('kiosk-status').waitFor()
  })

  it(
    'after the agent restarts, the page it opened says it needs the new link instead of retrying for ever',
    { timeout: 20_000 },
    async () => {
      const dir = await tempDir('karibu-kiosk-')
      cleanup.push(() => dir.remove())
      let agent = await startAgent({ dataDir: dir.path, port: 0, now: DAY1_9AM, log: () => {} })
      const port = Number(new URL(agent.url).port)
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
      cleanup.push(() => context.close())
      const page = await context.newPage()
      page.setDefaultTimeout(10_000)
      await page.goto(agent.launchUrl())
      await page.getByTestId('pair-form').waitFor()
      await agent.close()
      agent = await startAgent({ dataDir: dir.path, port, now: DAY1_9AM, log: () => {} })
      cleanup.push(() => agent.close())
      await page.getByTestId('kiosk-no-session').waitFor()
    },
  )
})
