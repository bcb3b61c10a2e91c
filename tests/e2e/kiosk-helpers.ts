// Shared steps of the kiosk screen's end-to-end tests: a kiosk page in real Chromium,
// served by a real agent paired with a real hub (tests/helpers/stack.ts).
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { test as base, expect } from 'vitest'
import type { AgentHandle } from '../../agent/agent.js'
import { chromiumPerFile } from '../helpers/browser.js'
import { startStack, type Stack } from '../helpers/stack.js'

/** 09:00 in Dar es Salaam on the test event's day 1: the kiosk's clock decides the day. */
export const DAY1_9AM = () => new Date('2026-11-24T09:00:00+03:00')

export const NEEMA = "Neema Ng'wanangwa"

export interface KioskPage {
  context: BrowserContext
  page: Page
  close(): Promise<void>
}

/**
 * Opens the agent's launch link (or `url`, with a fresh launch token added when it has none)
 * in a fresh context, at a desk screen's size, and waits for the scanning screen.
 */
export async function openKioskPage(
  browser: Browser,
  agent: AgentHandle,
  options: { url?: string; camera?: boolean; init?: () => void } = {},
): Promise<KioskPage> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    ...(options.camera ? { permissions: ['camera'] } : {}),
  })
  if (options.init) await context.addInitScript(options.init)
  const page = await context.newPage()
  page.setDefaultTimeout(10_000)
  await page.goto(launchLink(agent, options.url))
  await page.getByTestId('kiosk-status').waitFor()
  return { context, page, close: () => context.close() }
}

/** The kiosk page's address with a one-time launch token, as the agent prints it. */
export function launchLink(agent: AgentHandle, url?: string): string {
  if (!url) return agent.launchUrl()
  return url.includes('#launch=') ? url : `${url}#launch=${agent.issueLaunch()}`
}

/** A USB scanner: the whole code in a fast burst, then Enter. */
export async function scanWithWedge(page: Page, code: string) {
  await page.keyboard.type(code, { delay: 5 })
  await page.keyboard.press('Enter')
}

/** Waits for the answer screen and returns its outcome and text. */
export async function resultOf(page: Page): Promise<{ outcome: string | null; text: string }> {
  const result = page.getByTestId('kiosk-result')
  await result.waitFor()
  return { outcome: await result.getAttribute('data-outcome'), text: await result.innerText() }
}

/** Taps the answer away, back to scanning. */
export async function dismiss(page: Page) {
  await page.getByTestId('kiosk-result').click()
  await page.getByTestId('kiosk-result').waitFor({ state: 'detached' })
}

/** A genuine code with one signature character changed: what a forger would try. */
export function forge(code: string): string {
  const at = code.length - 20
  const swapped = code[at] === 'A' ? 'B' : 'A'
  const forged = code.slice(0, at) + swapped + code.slice(at + 1)
  expect(forged).not.toBe(code)
  return forged
}

export async function statusOnline(page: Page): Promise<string | null> {
  return page.getByTestId('status-online').getAttribute('data-online')
}

/**
 * The kiosk screens' fixture: one Chromium per file, a fresh hub (tests/helpers/stack.ts) per
 * test, and `openPage(agent)` for kiosk pages that are closed after the test, before the hub.
 */
export const kioskTest = base.extend<{
  $file: { browser: Browser }
  $test: { stack: Stack; openPage: (agent: AgentHandle, options?: Parameters<typeof openKioskPage>[2]) => Promise<KioskPage> }
}>({
  browser: chromiumPerFile,
  // eslint-disable-next-line no-empty-pattern
  stack: async ({}, use) => {
    const stack = await startStack()
    try {
      await use(stack)
    } finally {
      await stack.close()
    }
  },
  // needs the stack so that its pages close first
  openPage: [
    async ({ browser, stack: _stack }, use) => {
      const pages: KioskPage[] = []
      try {
        await use(async (agent, options) => {
          const page = await openKioskPage(browser, agent, options)
          pages.push(page)
          return page
        })
      } finally {
        for (const p of pages.splice(0).reverse()) await p.close()
      }
    },
    { scope: 'test' },
  ],
})
