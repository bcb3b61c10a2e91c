// The screen gallery: every screen state in both languages at every size, as PNG files with an
// index page an organiser can flip through (`npm run screens`; also written by every test run).
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import type { ScreenSize } from './checks.js'

export const GALLERY_DIR = resolve(process.env.KARIBU_SCREENS_DIR ?? 'screens')

interface Shot {
  state: string
  lang: string
  size: string
  file: string
  problems: string[]
}

const shots: Shot[] = []

/** A viewport picture of the page as it is now; pages taller than the screen are shown whole. */
export async function shoot(page: Page, state: string, lang: string, size: ScreenSize, problems: string[], fullPage: boolean) {
  const file = join(lang, `${state}-${size.name}.png`)
  mkdirSync(join(GALLERY_DIR, lang), { recursive: true })
  await page.screenshot({ path: join(GALLERY_DIR, file), fullPage, animations: 'disabled', caret: 'hide' })
  shots.push({ state, lang, size: size.name, file, problems })
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

/** `file`: another index for a gallery test of its own (each test file runs in its own process). */
export function writeIndex(file = 'index.html') {
  if (shots.length === 0) return
  const states = [...new Set(shots.map((s) => s.state))]
  const sizes = [...new Set(shots.map((s) => s.size))]
  const langs = [...new Set(shots.map((s) => s.lang))]
  const rows = states
    .map((state) => {
      const cells = langs
        .flatMap((lang) =>
          sizes.map((size) => {
            const s = shots.find((x) => x.state === state && x.lang === lang && x.size === size)
            if (!s) return '<td></td>'
            const flag = s.problems.length ? `<p class="bad">${s.problems.map(escape).join('<br>')}</p>` : ''
            return `<td><a href="${s.file}"><img src="${s.file}" loading="lazy" alt="${escape(`${state} ${lang} ${size}`)}"></a>${flag}</td>`
          }),
        )
        .join('')
      return `<tr><th>${escape(state)}</th>${cells}</tr>`
    })
    .join('\n')
  const head = langs.flatMap((lang) => sizes.map((size) => `<th>${lang} ${size}</th>`)).join('')
  writeFileSync(
    join(GALLERY_DIR, file),
    `<!doctype html><meta charset="utf-8"><title>Karibu — skrini / screens</title>
<style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px;vertical-align:top}img{max-width:220px;max-height:260px;display:block}.bad{color:#b3261e;max-width:220px;font-size:12px}</style>
<h1>Karibu — skrini zote / every screen</h1><p>${shots.length} pictures</p><table><tr><th></th>${head}</tr>\n${rows}</table>`,
  )
}
