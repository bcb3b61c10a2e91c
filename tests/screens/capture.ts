// What every state of the screen gallery is held to, and a page to picture it in: each
// picture is checked (nothing wider than the screen, an answer whole on it, no text cut, 44 px
// targets, no serious axe-core finding) and written to the gallery (tests/screens/gallery.ts).
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { axeProblems, layoutProblems, settle, SIZES, type ScreenSize } from './checks.js'
import { shoot } from './gallery.js'

export const LANGS = ['sw', 'en'] as const
export type Lang = (typeof LANGS)[number]
export type PageKind = 'kiosk' | 'dashboard' | 'admin'

/** What every state is held to; the failures of all states are reported together at the end. */
export class Capture {
  problems: string[] = []
  constructor(readonly lang: Lang) {}

  /** Checks and pictures the page as it stands at every size (an answer is held still meanwhile). */
  async state(page: Page, kind: PageKind, state: string, options: { answer?: boolean; sizes?: ScreenSize[] } = {}) {
    let axed = false
    const early: string[] = []
    if (options.answer) {
      // axe runs on timers, which are then held still: check the answer first, at 1024×600
      early.push(...(await axeProblems(page)))
      axed = true
      // a little ahead of the page's clock (fast-forwarding fires only timers due by then: none of an answer's)
      await page.clock.pauseAt(((await page.evaluate('Date.now()')) as number) + 300)
    }
    for (const size of options.sizes ?? SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height })
      await settle(page)
      const touch = kind === 'kiosk' || size.touch
      const found = await layoutProblems(page, { touch, ...(options.answer ? { inViewport: '[data-testid=kiosk-result]' } : {}) })
      found.push(...early.splice(0))
      // axe's rules do not depend on the size: once per state, at the size the page is used most
      if (!axed && (kind === 'kiosk' ? size.name === '1024x600' : size.name === '390x844')) {
        found.push(...(await axeProblems(page)))
        axed = true
      }
      await shoot(page, `${kind}-${state}`, this.lang, size, found, kind !== 'kiosk')
      this.problems.push(...found.map((p) => `${kind}-${state} ${this.lang} ${size.name}: ${p}`))
    }
  }
}

export async function openScreenPage(browser: Browser, lang: Lang): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 600 } })
  await context.addInitScript(
    (l) => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('karibu.language', l),
    lang,
  )
  const page = await context.newPage()
  page.setDefaultTimeout(10_000)
  return { context, page }
}
