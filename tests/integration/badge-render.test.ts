// Badges from a real hub in every format: single PDFs, bulk PDFs (one per page and A4 sheets)
// and the HTML page for window.print(). Each checked as a printer and a scanner would: page
// size with pdfinfo, rasterised at 300 and 150 dpi, every QR decoded back to the exact code.
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect } from 'vitest'
import { sheetSlots } from '../../hub/badges/badge-pdf.js'
import { parseCode } from '../../shared/badges/badge-code.js'
import type { Attendee } from '../../shared/domain.js'
import { launchChromium } from '../helpers/browser.js'
import { decodePages, decodeRegions, pdfInfo, PT_PER_MM, saveResponse } from '../helpers/pdf.js'
import { hubPerFile } from '../helpers/hub-fixture.js'
import type { TestHub } from '../helpers/test-hub.js'

const it = hubPerFile()

const exec = promisify(execFile)

const NAME_60 = { firstName: 'Mwanaisha Nasrat Kokuhumbya', lastName: 'Ng’wanangwa-Rutashobya Kisangani' }
const ORG_60 = 'Wakala wa Serikali Mtandao, Idara ya Mifumo ya TEHAMA Dodoma'
const SIZES = { cr80: { width: 86 * PT_PER_MM, height: 54 * PT_PER_MM }, a6: { width: 105 * PT_PER_MM, height: 148 * PT_PER_MM } }
const A4 = { width: 595.28, height: 841.89 }

let t: TestHub
let kioskToken: string

const get = (path: string, token = t.adminToken) => fetch(`${t.url}${path}`, { headers: { Authorization: `Bearer ${token}` } })
const currentCode = (id: string) => {
  const a = t.store.registry.byId.get(id)!
  return t.store.signBadge({ attendeeSeq: a.seq, badgeVersion: a.badgeVersion })
}
const allCodes = () => [...t.store.registry.attendees].map((a) => currentCode(a.id)).sort()
const pdfText = async (path: string) => (await exec('pdftotext', [path, '-'])).stdout.replace(/\s+/g, ' ')

function expectSize(actual: { width: number; height: number }, expected: { width: number; height: number }) {
  expect(Math.abs(actual.width - expected.width), `width ${actual.width} vs ${expected.width}`).toBeLessThanOrEqual(1)
  expect(Math.abs(actual.height - expected.height), `height ${actual.height} vs ${expected.height}`).toBeLessThanOrEqual(1)
}

it.beforeAll(async ({ fileHub }) => {
  t = fileHub
  // a walk-in with a 60-character name and organisation, no badge issued yet
  await t.store.updateRegistry((data, rev) => {
    const long: Attendee = {
      id: 'A0011',
      seq: 11,
      ...NAME_60,
      title: 'Dkt.',
      organisation: ORG_60,
      orgType: 'Agency',
      category: 'guest',
      groupId: 'guests',
      flags: ['vip', 'speaker'],
      walkIn: true,
      badgeVersion: 0,
      rev,
    }
    data.attendees.push(long)
  })
  kioskToken = (await t.pairKiosk()).token
})
describe('one badge as PDF', () => {
  for (const format of ['cr80', 'a6'] as const) {
    it(`${format}: exact page size, the 60-character name whole, the QR decodes at 300 and 150 dpi`, async () => {
      const path = await saveResponse(await get(`/api/badges/A0011.pdf?format=${format}`), join(t.dataDir, `single-${format}.pdf`))
      const a = t.store.registry.byId.get('A0011')!
      expect(a.badgeVersion).toBe(1) // issued on first use
      expect(t.store.data.badges.filter((b) => b.attendeeId === 'A0011')).toMatchObject([{ version: 1, reason: 'walk_in' }])
      const info = await pdfInfo(path)
      expect(info.pages).toBe(1)
      expectSize(info.sizes[0]!, SIZES[format])
      const text = await pdfText(path)
      expect(text).toContain(`${NAME_60.firstName} ${NAME_60.lastName}`)
      expect(text).toContain(ORG_60)
      expect(text).toContain('MGENI RASMI / VIP · MZUNGUMZAJI / SPEAKER')
      expect(text).toContain('SIKU / DAYS')
      expect(text).toContain('Na. / No. 11')
      const expected = t.store.signBadge({ attendeeSeq: 11, badgeVersion: 1 })
      for (const dpi of [300, 150]) expect(await decodePages(path, dpi, t.dataDir), `${dpi} dpi`).toEqual([[expected]])
    })
  }

  it('the longest group name is printed in whole words, and days the person may not attend are left off', async () => {
    const long = {
      sw: 'Makatibu Wakuu, Wakuu wa Taasisi na Wakurugenzi wa Halmashauri',
      en: 'Permanent secretaries, heads of institutions & LGA directors',
    }
    const before = t.store.data.event.groups
    await t.store.updateRegistry((data) => {
      data.event.groups = data.event.groups.map((g) => (g.id === 'leaders' ? { ...g, name: long } : g))
    })
    try {
      for (const format of ['cr80', 'a6'] as const) {
        const path = await saveResponse(await get(`/api/badges/A0003.pdf?format=${format}`), join(t.dataDir, `group-${format}.pdf`))
        const raw = (await exec('pdftotext', ['-raw', path, '-'])).stdout.replace(/\s+/g, ' ')
        // the band holds both languages or Kiswahili alone, never a word cut in two
        expect(raw.includes(`${long.sw} / ${long.en}`) || raw.includes(long.sw), `${format}: ${raw}`).toBe(true)
        for (const word of long.sw.split(' ')) expect(raw.split(' ')).toContain(word)
        // leaders may come on day 3 only: 24/11 and 25/11 are not on the badge at all
        expect(raw).toContain('26/11')
        expect(raw).not.toContain('24/11')
        expect(raw).not.toContain('25/11')
        expect(raw).toContain('Na. / No. REG-3')
      }
    } finally {
      await t.store.updateRegistry((data) => {
        data.event.groups = before
      })
    }
  })

  it('is for admins and kiosks only, and validates its input', async () => {
    expect((await get('/api/badges/A0001.pdf', kioskToken)).status).toBe(200)
    expect((await get('/api/badges/A0001.pdf', t.usherToken)).status).toBe(403)
    expect((await fetch(`${t.url}/api/badges/A0001.pdf`)).status).toBe(401)
    const bad = await get('/api/badges/A0001.pdf?format=a4')
    expect(bad.status).toBe(400)
    expect(await bad.json()).toEqual({ ok: false, error: 'invalid_payload' })
    expect(await (await get('/api/badges/NOBODY.pdf')).json()).toEqual({ ok: false, error: 'not_found' })
    expect((await get('/api/badges/A%20B.pdf')).status).toBe(400)
  })
})

describe('bulk PDF', () => {
  const cases = [
    { format: 'cr80', layout: 'single', pages: 11, page: SIZES.cr80 },
    { format: 'cr80', layout: 'sheet', pages: 2, page: A4 }, // 10 cards on A4 portrait
    { format: 'a6', layout: 'single', pages: 11, page: SIZES.a6 },
    { format: 'a6', layout: 'sheet', pages: 6, page: { width: A4.height, height: A4.width } }, // 2 on A4 landscape
  ] as const
  for (const c of cases) {
    it(`${c.format} ${c.layout}: every page the right size, every badge's QR decodes at 300 and 150 dpi`, async () => {
      const res = await get(`/api/badges.pdf?format=${c.format}&layout=${c.layout}`)
      expect(res.headers.get('content-type')).toBe('application/pdf')
      const path = await saveResponse(res, join(t.dataDir, `bulk-${c.format}-${c.layout}.pdf`))
      const info = await pdfInfo(path)
      expect(info.pages).toBe(c.pages)
      for (const size of info.sizes) expectSize(size, c.page)
      for (const dpi of [300, 150]) {
        // a sheet is decoded badge by badge, as it is scanned once cut (and a crop mark or a
        // neighbour cannot help or hinder)
        const decoded =
          c.layout === 'single'
            ? await decodePages(path, dpi, t.dataDir)
            : (
                await Promise.all(
                  Array.from({ length: info.pages }, (_, i) => decodeRegions(path, i + 1, dpi, t.dataDir, sheetSlots(c.format))),
                )
              ).flat()
        const badges = decoded.filter((codes) => codes.length > 0)
        expect(badges.every((codes) => codes.length === 1)).toBe(true)
        expect(badges.flat().sort(), `${dpi} dpi`).toEqual(allCodes())
      }
    })
  }

  it('filters by group, day and not-yet-printed, and refuses unknown values', async () => {
    const pages = async (query: string) => {
      const res = await get(`/api/badges.pdf?${query}`)
      if (res.status !== 200) return { status: res.status, body: (await res.json()) as unknown }
      const path = await saveResponse(res, join(t.dataDir, `filter-${Math.random().toString(36).slice(2)}.pdf`))
      return { status: 200, codes: (await decodePages(path, 150, t.dataDir)).flat() }
    }
    const leaders = await pages('group=leaders&day=&layout=single')
    expect(leaders.codes?.map((c) => parseCode(c)!.attendeeSeq).sort()).toEqual([3, 8])
    // every badge went out in the bulk runs above: nothing is left unprinted
    expect(await pages('notPrinted=1')).toEqual({ status: 404, body: { ok: false, error: 'no_badges' } })
    // a reprint is a new version, not yet printed
    const reprint = await fetch(`${t.url}/api/badges/A0002/reprint`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.adminToken}` },
    })
    expect(await reprint.json()).toEqual({ ok: true, badgeVersion: 2 })
    const fresh = await pages('notPrinted=1&day=d1')
    expect(fresh.codes).toEqual([t.store.signBadge({ attendeeSeq: 2, badgeVersion: 2 })])
    expect(await pages('day=d1&group=leaders')).toEqual({ status: 404, body: { ok: false, error: 'no_badges' } }) // leaders: day 3 only
    expect(await pages('group=nobody')).toEqual({ status: 400, body: { ok: false, error: 'unknown_group' } })
    expect(await pages('day=d9')).toEqual({ status: 400, body: { ok: false, error: 'unknown_day' } })
    expect(await pages('layout=poster')).toEqual({ status: 400, body: { ok: false, error: 'invalid_payload' } })
    expect((await get('/api/badges.pdf', kioskToken)).status).toBe(403) // bulk runs are the organiser's
  })
})

describe('badge page for window.print()', () => {
  it('is static HTML with @page at the card size, an inline SVG QR and no script; Chromium prints it to a scannable card', async () => {
    const res = await get('/badge/A0011?format=cr80', kioskToken)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/html')
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
    const html = await res.text()
    expect(html).toContain('@page { size: 86mm 54mm; margin: 0 }')
    expect(html).toMatch(/<div class="badge" data-badge-ready/)
    expect(html).toContain('<svg class="q"')
    expect(html).not.toMatch(/<script/i)
    expect(html).toContain('Mwanaisha Nasrat Kokuhumbya')
    expect((await get('/badge/A0011', t.usherToken)).status).toBe(403)

    const browser = await launchChromium()
    try {
      const page = await browser.newPage({ extraHTTPHeaders: { Authorization: `Bearer ${kioskToken}` } })
      const errors: string[] = []
      page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && errors.push(`${r.status()} ${r.url()}`))
      page.on('pageerror', (e) => errors.push(e.message))
      await page.goto(`${t.url}/badge/A0011?format=cr80`)
      await page.waitForSelector('[data-badge-ready]')
      // both faces came from the hub (a string: this file is typed for Node, not the DOM)
      expect(await page.evaluate("document.fonts.ready.then(() => [...document.fonts].filter((f) => f.status === 'loaded').length)")).toBe(
        2,
      )
      const path = join(t.dataDir, 'html-print.pdf')
      await page.pdf({ path, preferCSSPageSize: true, printBackground: true })
      expect(errors).toEqual([])
      const info = await pdfInfo(path)
      expect(info.pages).toBe(1)
      expectSize(info.sizes[0]!, SIZES.cr80)
      for (const dpi of [300, 150]) expect(await decodePages(path, dpi, t.dataDir), `${dpi} dpi`).toEqual([[currentCode('A0011')]])
    } finally {
      await browser.close()
    }
  })

  it('serves the fonts it is set in', async () => {
    const font = await fetch(`${t.url}/badge-assets/DejaVuSans-Bold.ttf`)
    expect(font.status).toBe(200)
    expect(font.headers.get('content-type')).toBe('font/ttf')
    expect((await fetch(`${t.url}/badge-assets/__proto__`)).status).toBe(404)
  })
})
