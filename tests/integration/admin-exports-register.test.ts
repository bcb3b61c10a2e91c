// The attendance register PDF as an office files it, rendered with the longest real values and
// read back with pdftotext (every value whole), pdftoppm (the signature column's width) and
// pdfinfo (orientation): header and "page N of M" on every page, rows in surname order.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import { attendeeName } from '../../shared/domain.js'
import { dayWithWeekday } from '../../shared/local-time.js'
import { BLANK_EXTRA_ROWS } from '../../hub/admin/exports/register-pdf.js'
import { at } from '../fixtures/event.js'
import { LONG_GROUP, LONG_NAME, LONG_TITLE, LONGEST_INSTITUTION, documentsEvent } from '../fixtures/documents.js'
import { PT_PER_MM, pdfInfo } from '../helpers/pdf.js'
import { darkRuns, flat, pagePixels, pagesText, words } from '../helpers/pdf-text.js'
import { submission } from '../helpers/submissions.js'
import { hubPerFile } from '../helpers/hub-fixture.js'
import type { TestHub } from '../helpers/test-hub.js'

const it = hubPerFile({ seed: documentsEvent })

let t: TestHub
/** attendees checked in on day 1: everyone but the leaders (not allowed on day 1) */
let present: string[]

it.beforeAll(async ({ fileHub }) => {
  t = fileHub
  const paired = await t.pairKiosk()
  const kiosk = await t.client(paired.token)
  present = t.store.data.attendees.filter((a) => a.groupId !== 'leaders').map((a) => a.id)
  for (const [i, attendeeId] of present.entries()) {
    const scannedAt = at(`${String(8 + Math.floor(i / 20)).padStart(2, '0')}:${String((i * 3) % 60).padStart(2, '0')}`)
    const res = await kiosk.emitWithAck(
      'checkin:submit',
      submission(paired.kioskId, { attendeeId, deskId: i % 2 ? 'expo-door' : 'desk-1', scannedAt, method: 'search' }),
    )
    if (!res.ok) throw new Error(res.error)
  }
})

async function pdf(query: string): Promise<string> {
  const res = await fetch(`${t.url}/api/admin/exports/register.pdf?${query}`, { headers: { Authorization: `Bearer ${t.adminToken}` } })
  expect(
    res.status,
    await res
      .clone()
      .text()
      .then((s) => s.slice(0, 200)),
  ).toBe(200)
  expect(res.headers.get('content-type')).toBe('application/pdf')
  const file = join(t.dataDir, `register-${Math.random().toString(36).slice(2, 8)}.pdf`)
  await writeFile(file, Buffer.from(await res.arrayBuffer()))
  return file
}

const byId = (id: string) => t.store.registry.byId.get(id)!
const collator = new Intl.Collator('sw', { sensitivity: 'base', numeric: true })

/** Where each name first appears in the text, in the order given: increasing when the rows are in that order. */
function positions(text: string, names: string[]): number[] {
  return names.map((n) => {
    const i = text.indexOf(n)
    expect(i, `${n} is on the register`).toBeGreaterThanOrEqual(0)
    return i
  })
}

describe('attendance register PDF', () => {
  it('prints the 60-character name, the longest title and institution whole, and nothing cut', async () => {
    expect(LONG_NAME).toHaveLength(60)
    const file = await pdf('day=d1&columns=phone,category,desk,time')
    const text = flat((await pagesText(file)).join('\n'))
    for (const value of [LONG_NAME, LONG_TITLE, LONGEST_INSTITUTION, '+255712000000']) expect(text).toContain(value)
    for (const id of present) {
      const a = byId(id)
      expect(text).toContain(attendeeName(a))
      expect(text).toContain(a.organisation)
    }
    expect(text).not.toContain('…')
    expect(text).toContain('Mlango wa Maonesho')
  })

  it('every page carries the event, day, date, venue, the header row and "page N of M"', async () => {
    const file = await pdf('day=d1')
    const pages = await pagesText(file)
    expect(pages.length).toBeGreaterThan(1)
    const event = t.store.data.event
    pages.forEach((raw, i) => {
      const page = flat(raw)
      expect(page).toContain(`Ukurasa ${i + 1} kati ya ${pages.length} / Page ${i + 1} of ${pages.length}`)
      expect(page).toContain(`${event.name.sw} / ${event.name.en}`)
      expect(page).toContain('Siku ya 1 / Day 1')
      expect(page).toContain(`${dayWithWeekday(event.days[0]!.date, 'sw')} / ${dayWithWeekday(event.days[0]!.date, 'en')}`)
      expect(page).toContain(event.venue)
      expect(page).toContain('Rejista ya mahudhurio / Attendance register')
      expect(page).toContain('Jina kamili / Full name')
      expect(page).toContain('Sahihi / Signature')
    })
    const last = flat(pages[pages.length - 1]!)
    expect(last).toContain(`Walioingia / Checked in: ${present.length}`)
    expect(last).toContain(`Wanaotarajiwa / Expected: ${present.length}`)
    for (const label of [
      'Afisa anayehusika / Responsible officer',
      'Cheo / Title:',
      'Sahihi / Signature:',
      'Tarehe / Date:',
      'Muhuri / Stamp',
    ])
      expect(last).toContain(label)
  })

  it('rows are numbered and sorted by surname, or by institution then surname', async () => {
    const bySurname = [...present]
      .map(byId)
      .sort((a, b) => collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName) || a.id.localeCompare(b.id))
    const text = flat((await pagesText(await pdf('day=d1'))).join('\n'))
    const pos = positions(text, bySurname.map(attendeeName))
    expect(pos).toEqual([...pos].sort((a, b) => a - b))
    // the row number stands right before the name
    bySurname.forEach((a, i) => expect(text).toContain(`${i + 1} ${attendeeName(a)}`))

    const byInstitution = [...present]
      .map(byId)
      .sort(
        (a, b) =>
          collator.compare(a.organisation, b.organisation) ||
          collator.compare(a.lastName, b.lastName) ||
          collator.compare(a.firstName, b.firstName) ||
          a.id.localeCompare(b.id),
      )
    expect(byInstitution.map((a) => a.id)).not.toEqual(bySurname.map((a) => a.id))
    const text2 = flat((await pagesText(await pdf('day=d1&sort=institution'))).join('\n'))
    byInstitution.forEach((a, i) => expect(text2).toContain(`${i + 1} ${attendeeName(a)}`))
  })

  it('the signature column is at least 35 mm wide on the page, in portrait and landscape', async () => {
    for (const query of ['day=d1', 'day=d1&columns=phone,category,group,desk,time&orientation=landscape']) {
      const file = await pdf(query)
      const all = await words(file)
      // the first data row: the row number 1 below the header row on page 1
      const header = all.find((w) => w.page === 1 && w.text === 'Sahihi')!
      const one = all.find((w) => w.page === 1 && w.text === '1' && w.yMin > header.yMax)!
      expect(one, query).toBeDefined()
      const dpi = 144
      const png = await pagePixels(file, 1, dpi, t.dataDir)
      const y = Math.round(((one.yMin + one.yMax) / 2) * (dpi / 72))
      const runs = darkRuns(png, y)
      // the signature cell is empty: its two borders are the last two dark runs of the row
      const [left, right] = runs.slice(-2)
      const widthMm = ((right![0] - left![1]) / dpi) * 25.4
      expect(widthMm, query).toBeGreaterThanOrEqual(35)
      expect(widthMm, query).toBeLessThan(60)
      // and the header says it is the signature column
      expect(header.xMin * (dpi / 72)).toBeGreaterThan(left![1])
    }
  })

  it('portrait by default, landscape when asked or when the optional columns need it', async () => {
    const size = async (q: string) => (await pdfInfo(await pdf(q))).sizes[0]!
    const portrait = await size('day=d1')
    expect(portrait.width).toBeLessThan(portrait.height)
    expect(Math.abs(portrait.width - 210 * PT_PER_MM)).toBeLessThan(1)
    const landscape = await size('day=d1&orientation=landscape')
    expect(landscape.width).toBeGreaterThan(landscape.height)
    const wide = await size('day=d1&columns=phone,category,group,desk,time')
    expect(wide.width).toBeGreaterThan(wide.height)
  })

  it('per group (the long group name whole) and per institution', async () => {
    const leaders = flat((await pagesText(await pdf('day=d3&group=leaders&blank=1'))).join('\n'))
    expect(leaders).toContain(`${LONG_GROUP.sw} / ${LONG_GROUP.en}`)
    const ict = flat((await pagesText(await pdf('day=d1&group=guests'))).join('\n'))
    expect(ict).toContain('Amina Shirima')
    expect(ict).not.toContain(LONG_NAME)
    const inst = flat((await pagesText(await pdf(`day=d1&institution=${encodeURIComponent(LONGEST_INSTITUTION)}`))).join('\n'))
    const from = present.map(byId).filter((a) => a.organisation === LONGEST_INSTITUTION)
    expect(from.length).toBeGreaterThan(1)
    for (const a of from) expect(inst).toContain(attendeeName(a))
    expect(inst).toContain(`Walioingia / Checked in: ${from.length}`)
    expect(inst).not.toContain('Amina Shirima')
  })

  it('a blank register lists everyone expected, with numbered empty rows and no times', async () => {
    const file = await pdf('day=d3&group=leaders&blank=1&columns=time')
    const text = flat((await pagesText(file)).join('\n'))
    const leaders = t.store.data.attendees.filter((a) => a.groupId === 'leaders').sort((a, b) => collator.compare(a.lastName, b.lastName))
    leaders.forEach((a, i) => expect(text).toContain(`${i + 1} ${attendeeName(a)}`))
    expect(text).toContain(`${leaders.length + BLANK_EXTRA_ROWS} `)
    expect(text).toContain('Rejista ya mahudhurio ya kusaini kwa mkono / Attendance register for signing by hand')
    expect(text).toContain(`Wanaotarajiwa / Expected: ${leaders.length}`)
    expect(text).not.toMatch(/\b\d\d:\d\d\b(?! \(Africa)/)
  })

  it('refuses an unknown day, group or column', async () => {
    for (const q of ['day=d9', 'day=d1&group=nobody', 'day=d1&columns=salary', 'day=d1&sort=age']) {
      const res = await fetch(`${t.url}/api/admin/exports/register.pdf?${q}`, { headers: { Authorization: `Bearer ${t.adminToken}` } })
      expect(res.status, q).toBe(400)
    }
  })
})
