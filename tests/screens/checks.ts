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
  return page.evaluate(({ inViewport, touch, minTarget }) => {
    const d = (globalThis as unknown as { document: Document }).document
    const w = globalThis as unknown as { innerWidth: number; innerHeight: number; getComputedStyle(e: Element): CSSStyleDeclaration }
    const problems: string[] = []
    const name = (e: Element) => {
      const id = e.getAttribute('data-testid')
      const text = (e.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)
      return `<${e.tagName.toLowerCase()}${id ? ` data-testid=${id}` : ''}${e.className && typeof e.className === 'string' ? ` .${e.className.split(' ')[0]}` : ''}> "${text}"`
    }
    const visible = (e: Element) => {
      const r = e.getBoundingClientRect()
      const s = w.getComputedStyle(e)
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'
    }
    /** inside something that scrolls sideways on purpose (a wide table in its own box) */
    const inScroller = (e: Element) => {
      for (let p = e.parentElement; p; p = p.parentElement) {
        const s = w.getComputedStyle(p)
        if ((s.overflowX === 'auto' || s.overflowX === 'scroll') && p !== d.documentElement && p !== d.body) return true
      }
      return false
    }
    const all = [...d.body.querySelectorAll('*')].filter(visible)

    if (d.documentElement.scrollWidth > w.innerWidth + 1) {
      const wide = all.filter((e) => e.getBoundingClientRect().right > w.innerWidth + 1 && !inScroller(e))
      problems.push(`page is ${d.documentElement.scrollWidth}px wide in ${w.innerWidth}px: ${wide.slice(-3).map(name).join(', ')}`)
    }

    for (const e of all) {
      if (!(e.textContent ?? '').trim() || e.tagName === 'SCRIPT' || e.tagName === 'STYLE') continue
      const s = w.getComputedStyle(e)
      const clipsX = s.overflowX === 'hidden' || s.overflowX === 'clip' || s.textOverflow === 'ellipsis'
      const clipsY = s.overflowY === 'hidden' || s.overflowY === 'clip'
      if (clipsX && e.scrollWidth > e.clientWidth + 1) problems.push(`text cut sideways (${e.scrollWidth} > ${e.clientWidth}px): ${name(e)}`)
      if (clipsY && e.scrollHeight > e.clientHeight + 1 && e.clientHeight > 0) problems.push(`text cut at the bottom (${e.scrollHeight} > ${e.clientHeight}px): ${name(e)}`)
    }

    if (inViewport) {
      const root = d.querySelector(inViewport)
      if (!root) problems.push(`${inViewport} is not on the screen`)
      else {
        if (root.scrollHeight > root.clientHeight + 1) problems.push(`${inViewport} needs scrolling (${root.scrollHeight} > ${root.clientHeight}px)`)
        for (const e of [root, ...root.querySelectorAll('*')].filter(visible)) {
          const hasOwnText = [...e.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim())
          if (!hasOwnText && e.tagName !== 'BUTTON') continue
          const r = e.getBoundingClientRect()
          if (r.top < -1 || r.left < -1 || r.bottom > w.innerHeight + 1 || r.right > w.innerWidth + 1)
            problems.push(`answer text outside the screen (${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}): ${name(e)}`)
        }
      }
    }

    if (touch) {
      const targets = all.filter((e) => e.matches('button, a[href], input:not([type=checkbox]):not([type=radio]):not([type=hidden]), select, textarea, [role=button], [role=tab], summary'))
      const boxes = all.filter((e) => e.matches('input[type=checkbox], input[type=radio]')).map((e) => e.closest('label') ?? e)
      for (const e of [...targets, ...boxes]) {
        if (inViewport && !e.closest(inViewport) && d.querySelector(inViewport)) continue
        const r = e.getBoundingClientRect()
        if (r.width < minTarget - 0.5 || r.height < minTarget - 0.5) problems.push(`touch target ${Math.round(r.width)}×${Math.round(r.height)}px: ${name(e)}`)
      }
    }
    return problems
  }, { inViewport: options.inViewport, touch: options.touch, minTarget: MIN_TARGET_PX })
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** axe-core's serious and critical findings on the page as it is now. */
export async function axeProblems(page: Page): Promise<string[]> {
  // evaluated through the devtools protocol, which the pages' strict CSP does not govern
  if (!(await page.evaluate('typeof axe !== "undefined"'))) await page.evaluate(axeSource)
  const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })))`)) as {
    id: string
    impact: string
    help: string
    nodes: string[]
  }[]
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `axe ${v.impact} ${v.id}: ${v.help} — ${v.nodes.join('; ')}`)
}

/**
 * Lets layout (and the answer's fit-to-screen, driven by a ResizeObserver) settle after a
 * resize. Waits on the test's clock: the page's own timers and frames may be held still.
 */
export async function settle(page: Page) {
  await page.evaluate('document.body.offsetHeight')
  await new Promise((r) => setTimeout(r, 80))
}
