// What a person holding the device would notice, measured in the page: something wider than
// the screen, an answer running off it, text cut by its box, a button too small for a finger,
// and what axe-core calls serious or critical.
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'

export interface ScreenSize {
  name: string
  width: number
  height: number
  /** a phone or a touch kiosk: every control must take a finger */
  touch: boolean
}

export const SIZES: ScreenSize[] = [
  { name: '800x480', width: 800, height: 480, touch: false },
  { name: '1024x600', width: 1024, height: 600, touch: false },
  { name: '1280x800', width: 1280, height: 800, touch: false },
  { name: '1920x1080', width: 1920, height: 1080, touch: false },
  { name: '390x844', width: 390, height: 844, touch: true },
  { name: '360x640', width: 360, height: 640, touch: true },
]

/** WCAG 2.5.5's target size, which the kiosk's touch screens and the ushers' phones need. */
export const MIN_TARGET_PX = 44

export interface LayoutOptions {
  /** the element whose text must be whole inside the viewport (a kiosk answer) */
  inViewport?: string
  touch: boolean
}

/** Problems found, each naming the element so a failure says where to look. */
export async function layoutProblems(page: Page, options: LayoutOptions): Promise<string[]> {
  return (await page.evaluate(
    `${probe}(${JSON.stringify({ inViewport: options.inViewport ?? null, touch: options.touch, minTarget: MIN_TARGET_PX })})`,
  )) as string[]
}

const probe = readFileSync(new URL('./layout-probe.js', import.meta.url), 'utf8')
  .replace(/^\/\/.*\n/gm, '')
  .trim()
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** axe-core's serious and critical findings on the page as it is now. */
export async function axeProblems(page: Page): Promise<string[]> {
  // evaluated through the devtools protocol, which the pages' strict CSP does not govern
  if (!(await page.evaluate('typeof axe !== "undefined"'))) await page.evaluate(axeSource)
  const violations = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })))`,
  )) as {
    id: string
    impact: string
    help: string
    nodes: string[]
  }[]
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `axe ${v.impact} ${v.id}: ${v.help} — ${v.nodes.join('; ')}`)
}

/**
 * Lets layout (and the answer's fit-to-screen, driven by a ResizeObserver) settle after a
 * resize. Waits on the test's clock: the page's own timers and frames may be held still.
 */
export async function settle(page: Page) {
  await page.evaluate('document.body.offsetHeight')
  await new Promise((r) => setTimeout(r, 80))
}
