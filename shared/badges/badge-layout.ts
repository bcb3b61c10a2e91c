// The badge design as data: where each line of text, colour band, day chip and the QR go, in
// millimetres, for each badge stock (shared/badges/badge-stock.ts): a CR80 card, an A6 lanyard badge,
// and the label rolls of Zebra, Brother and DYMO printers. The PDF
// renderer on the hub and the HTML page for window.print() only draw what this returns, so
// both print the same badge. Pure: text is measured by a function the renderer passes in, and
// long text is shrunk or wrapped, never cut.
import { fitText, LINE_HEIGHT, lineHeightMm, PT_PER_MM, sizeSteps, type FitSpec, type Fitted, type Measure } from './badge-fit.js'
import { QR_QUIET_MODULES, qrMatrix } from './badge-qr.js'
import { BADGE_STOCKS, STOCKS, type BadgeStock, type BadgeStockId } from './badge-stock.js'
import { attendeeName, FLAGS, type Attendee, type Bilingual, type EventInfo, type Flag, type Group } from '../domain.js'

/** A badge's format is the stock it is printed on. */
export const BADGE_FORMATS = BADGE_STOCKS
export type BadgeFormat = BadgeStockId

export const BADGE_SIZE_MM: Record<BadgeFormat, { width: number; height: number }> = Object.fromEntries(
  BADGE_STOCKS.map((id) => [id, { width: STOCKS[id].width, height: STOCKS[id].height }]),
) as Record<BadgeFormat, { width: number; height: number }>

export { fitText, lineHeightMm, LINE_HEIGHT, PT_PER_MM, sizeSteps, type FitSpec, type Fitted, type Measure } from './badge-fit.js'

// ---------------------------------------------------------------------------------------------
// Ribbons, days, colours

export const RIBBONS: Record<Flag, { label: Bilingual; color: string }> = {
  vip: { label: { sw: 'MGENI RASMI', en: 'VIP' }, color: '#b8860b' },
  speaker: { label: { sw: 'MZUNGUMZAJI', en: 'SPEAKER' }, color: '#6a1b9a' },
  exhibitor: { label: { sw: 'MWONESHAJI', en: 'EXHIBITOR' }, color: '#00695c' },
  press: { label: { sw: 'VYOMBO VYA HABARI', en: 'PRESS' }, color: '#d84315' },
  staff: { label: { sw: 'MAAFISA', en: 'STAFF' }, color: '#263238' },
}

export interface Ribbon {
  flags: Flag[]
  /** "MGENI RASMI / VIP · MZUNGUMZAJI / SPEAKER" */
  text: string
  /** the colour of the first flag, in FLAGS order (VIP before speaker before …) */
  color: string
  textColor: string
}

export function ribbonFor(flags: readonly Flag[]): Ribbon | null {
  const present = FLAGS.filter((f) => flags.includes(f))
  const first = present[0]
  if (!first) return null
  const color = RIBBONS[first].color
  return {
    flags: present,
    text: present.map((f) => `${RIBBONS[f].label.sw} / ${RIBBONS[f].label.en}`).join(' · '),
    color,
    textColor: textColorOn(color),
  }
}

/** Black or white, whichever reads better on `hex` (WCAG relative luminance). */
export function textColorOn(hex: string): string {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  const l = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
  // contrast with white (1.05 / (l + 0.05)) against contrast with black ((l + 0.05) / 0.05)
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? '#ffffff' : '#000000'
}

const WEEKDAYS: Bilingual[] = [
  { sw: 'Jumapili', en: 'Sunday' },
  { sw: 'Jumatatu', en: 'Monday' },
  { sw: 'Jumanne', en: 'Tuesday' },
  { sw: 'Jumatano', en: 'Wednesday' },
  { sw: 'Alhamisi', en: 'Thursday' },
  { sw: 'Ijumaa', en: 'Friday' },
  { sw: 'Jumamosi', en: 'Saturday' },
]
const MONTHS: Bilingual[] = [
  { sw: 'Januari', en: 'January' },
  { sw: 'Februari', en: 'February' },
  { sw: 'Machi', en: 'March' },
  { sw: 'Aprili', en: 'April' },
  { sw: 'Mei', en: 'May' },
  { sw: 'Juni', en: 'June' },
  { sw: 'Julai', en: 'July' },
  { sw: 'Agosti', en: 'August' },
  { sw: 'Septemba', en: 'September' },
  { sw: 'Oktoba', en: 'October' },
  { sw: 'Novemba', en: 'November' },
  { sw: 'Desemba', en: 'December' },
]

export interface BadgeDay {
  id: string
  date: string
  /** the person's group may attend this day */
  allowed: boolean
  weekday: Bilingual
  /** "Jumanne 24 Novemba 2026" / "Tuesday 24 November 2026" */
  label: Bilingual
  /** "24/11": day/month, read the same in both languages */
  short: string
}

/** Every day of the event, in order, marked with whether this group may attend it. */
export function badgeDays(event: Pick<EventInfo, 'days'>, group: Pick<Group, 'days'> | undefined): BadgeDay[] {
  return event.days.map((d) => {
    const [y, m, day] = d.date.split('-').map(Number) as [number, number, number]
    const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, day)).getUTCDay()]!
    const month = MONTHS[m - 1]!
    return {
      id: d.id,
      date: d.date,
      allowed: group?.days.includes(d.id) ?? false,
      weekday,
      label: { sw: `${weekday.sw} ${day} ${month.sw} ${y}`, en: `${weekday.en} ${day} ${month.en} ${y}` },
      short: `${day}/${m}`,
    }
  })
}

export const DAYS_LABEL: Bilingual = { sw: 'SIKU', en: 'DAYS' }
/** Printed small before the registration number, so a desk can find the person on the list. */
export const REG_NO_LABEL: Bilingual = { sw: 'Na.', en: 'No.' }

// ---------------------------------------------------------------------------------------------
// The layout

export type TextRole = 'event' | 'title' | 'name' | 'organisation' | 'daysLabel' | 'day' | 'ribbon' | 'group' | 'regNo'

export interface TextElement {
  kind: 'text'
  role: TextRole
  /** left edge and top of the first line's box, mm */
  x: number
  y: number
  /** box width, mm; `align` places each line inside it */
  w: number
  lines: string[]
  /** pt; the line pitch is lineHeightMm(size) */
  size: number
  bold: boolean
  color: string
  align: 'left' | 'center'
}

export interface RectElement {
  kind: 'rect'
  role: 'band' | 'ribbon' | 'day'
  x: number
  y: number
  w: number
  h: number
  fill: string | null
  stroke: string | null
}

export interface QrElement {
  kind: 'qr'
  /** the square including its quiet zone, mm */
  x: number
  y: number
  size: number
  /** modules per side without the quiet zone */
  modules: number
  quiet: number
  code: string
}

export type BadgeElement = TextElement | RectElement | QrElement

export interface BadgeLayout {
  format: BadgeFormat
  width: number
  height: number
  attendeeId: string
  badgeVersion: number
  code: string
  ribbon: Ribbon | null
  days: BadgeDay[]
  elements: BadgeElement[]
}

export interface BadgeInput {
  event: EventInfo
  attendee: Attendee
  /** the signed code for the attendee's current badge version */
  code: string
  format: BadgeFormat
}

const INK = '#111111'
const MUTED = '#9e9e9e'
const UNKNOWN_GROUP_COLOR = '#757575'

/** The height of a fitted block, mm. */
const blockHeight = (f: Fitted) => f.lines.length * lineHeightMm(f.size)

/** Every line break of `f` falls between words of `text`. */
const brokenAtSpaces = (text: string, f: Fitted) => f.lines.join(' ') === text.replace(/\s+/g, ' ').trim()

/**
 * Like fitText, but a line never breaks inside a word: the first candidate (longest first,
 * e.g. "Kiswahili / English", then Kiswahili alone) that fits whole words at an allowed size
 * wins; failing all, the last one is split at its most even space and shrunk below the smallest
 * size until it fits.
 */
export function fitWholeWords(candidates: readonly string[], spec: FitSpec, measure: Measure): Fitted {
  const texts = candidates.map((c) => c.replace(/\s+/g, ' ').trim()).filter((c) => c !== '')
  for (const text of texts) {
    const f = fitText(text, spec, measure)
    if (!f.belowMinimum && brokenAtSpaces(text, f)) return f
  }
  const text = texts[texts.length - 1] ?? ''
  if (text === '') return { lines: [], size: spec.sizes[0] ?? 10, belowMinimum: false }
  const smallest = spec.sizes[spec.sizes.length - 1] ?? 10
  let lines = [text]
  if (spec.maxLines === 2) {
    let best: { lines: string[]; widest: number } | null = null
    for (let i = 0; i < text.length; i++) {
      if (text[i] !== ' ') continue
      const split = [text.slice(0, i), text.slice(i + 1)]
      const widest = Math.max(...split.map((l) => measure(l, smallest, spec.bold)))
      if (!best || widest < best.widest) best = { lines: split, widest }
    }
    if (best) lines = best.lines
  }
  const widest = Math.max(...lines.map((l) => measure(l, smallest, spec.bold)))
  let size = Math.min(smallest, Math.floor(((smallest * spec.width) / widest) * 100) / 100)
  if (spec.height !== undefined) size = Math.min(size, Math.floor(((spec.height / lines.length) * PT_PER_MM * 100) / LINE_HEIGHT) / 100)
  return { lines, size, belowMinimum: true }
}

class Builder {
  readonly elements: BadgeElement[] = []
  constructor(private measure: Measure) {}

  text(
    role: TextRole,
    value: string,
    at: { x: number; y: number; w: number },
    spec: Omit<FitSpec, 'width'>,
    style: { color?: string; align?: 'left' | 'center' } = {},
  ): number {
    const fitted = fitText(value, { ...spec, width: at.w }, this.measure)
    if (fitted.lines.length === 0) return 0
    this.elements.push({
      kind: 'text',
      role,
      ...at,
      lines: fitted.lines,
      size: fitted.size,
      bold: spec.bold,
      color: style.color ?? INK,
      align: style.align ?? 'left',
    })
    return blockHeight(fitted)
  }

  /** Text centred vertically in a band of height h starting at y. */
  textInBand(
    role: TextRole,
    parts: { value: string; spec: Omit<FitSpec, 'width'> }[],
    band: { x: number; y: number; w: number; h: number },
    style: { color: string; align: 'left' | 'center' },
  ) {
    const fitted = parts.map((p) => ({ p, f: fitText(p.value, { ...p.spec, width: band.w, height: band.h / parts.length }, this.measure) }))
    const total = fitted.reduce((sum, { f }) => sum + blockHeight(f), 0)
    let y = band.y + Math.max(0, (band.h - total) / 2)
    for (const { p, f } of fitted) {
      if (f.lines.length === 0) continue
      this.elements.push({
        kind: 'text',
        role,
        x: band.x,
        y,
        w: band.w,
        lines: f.lines,
        size: f.size,
        bold: p.spec.bold,
        color: style.color,
        align: style.align,
      })
      y += blockHeight(f)
    }
  }

  /** Text of whole words centred vertically in a band: the first candidate that fits without a break inside a word. */
  wholeWordsInBand(
    role: TextRole,
    candidates: string[],
    spec: Omit<FitSpec, 'width' | 'height'>,
    band: { x: number; y: number; w: number; h: number },
    style: { color: string; align: 'left' | 'center' },
  ) {
    const f = fitWholeWords(candidates, { ...spec, width: band.w, height: band.h }, this.measure)
    if (f.lines.length === 0) return
    const y = band.y + Math.max(0, (band.h - blockHeight(f)) / 2)
    this.elements.push({
      kind: 'text',
      role,
      x: band.x,
      y,
      w: band.w,
      lines: f.lines,
      size: f.size,
      bold: spec.bold,
      color: style.color,
      align: style.align,
    })
  }

  rect(role: RectElement['role'], x: number, y: number, w: number, h: number, fill: string | null, stroke: string | null = null) {
    this.elements.push({ kind: 'rect', role, x, y, w, h, fill, stroke })
  }

  /**
   * One chip, in the group colour, per day the person may attend. Days they may not attend are
   * left off: a faint chip read at a glance at the door looks like a day they may come.
   */
  dayChips(
    all: BadgeDay[],
    area: { x: number; y: number; w: number; h: number },
    color: string,
    style: { twoLines: boolean; maxChip: number; align: 'left' | 'center' },
  ) {
    const days = all.filter((d) => d.allowed)
    if (days.length === 0) return
    const gap = 1.2
    const w = Math.min(style.maxChip, (area.w - gap * (days.length - 1)) / days.length)
    const total = days.length * w + gap * (days.length - 1)
    const startX = style.align === 'center' ? area.x + (area.w - total) / 2 : area.x
    const pad = 0.6
    days.forEach((d, i) => {
      const x = startX + i * (w + gap)
      this.rect('day', x, area.y, w, area.h, d.allowed ? color : null, d.allowed ? null : MUTED)
      const textColor = d.allowed ? textColorOn(color) : MUTED
      const parts = style.twoLines
        ? [
            { value: d.weekday.sw, spec: { sizes: sizeSteps(8, 4), maxLines: 1 as const, bold: true } },
            { value: `${d.weekday.en.slice(0, 3)} ${d.short}`, spec: { sizes: sizeSteps(7, 4), maxLines: 1 as const, bold: false } },
          ]
        : [{ value: d.short, spec: { sizes: sizeSteps(7, 4), maxLines: 1 as const, bold: true } }]
      this.textInBand('day', parts, { x: x + pad, y: area.y, w: w - 2 * pad, h: area.h }, { color: textColor, align: 'center' })
    })
  }
}

function qrElement(code: string, x: number, y: number, size: number): QrElement {
  return { kind: 'qr', x, y, size, modules: qrMatrix(code).size, quiet: QR_QUIET_MODULES, code }
}

const MONO_INK = '#000000'

function parts(input: BadgeInput) {
  const group = input.event.groups.find((g) => g.id === input.attendee.groupId)
  const mono = STOCKS[input.format].ink === 'mono'
  const color = mono ? MONO_INK : (group?.color ?? UNKNOWN_GROUP_COLOR)
  const ribbon = ribbonFor(input.attendee.flags)
  return {
    mono,
    group,
    color,
    onColor: textColorOn(color),
    /** longest first: both languages, then Kiswahili alone (the band never breaks inside a word) */
    groupTexts: group
      ? group.name.sw === group.name.en
        ? [group.name.sw]
        : [`${group.name.sw} / ${group.name.en}`, group.name.sw]
      : [input.attendee.groupId],
    regNo: input.attendee.externalId
      ? `${REG_NO_LABEL.sw} / ${REG_NO_LABEL.en} ${input.attendee.externalId}`
      : `${REG_NO_LABEL.sw} / ${REG_NO_LABEL.en} ${input.attendee.seq}`,
    allowedDays: badgeDays(input.event, group).filter((d) => d.allowed).length,
    ribbon: ribbon && mono ? { ...ribbon, color: '#ffffff', textColor: MONO_INK } : ribbon,
    days: badgeDays(input.event, group),
    name: attendeeName(input.attendee),
  }
}

/** CR80 card, landscape: bands top and bottom, text on the left, the QR on the right. */
function layoutCr80(input: BadgeInput, b: Builder, p: ReturnType<typeof parts>) {
  const { width: W, height: H } = BADGE_SIZE_MM.cr80
  const m = 3
  const top = 7
  const bottom = 6
  b.rect('band', 0, 0, W, top, p.color)
  b.textInBand(
    'event',
    [
      { value: input.event.name.sw, spec: { sizes: sizeSteps(6.5, 4), maxLines: 1, bold: true } },
      { value: input.event.name.en, spec: { sizes: sizeSteps(5.5, 4), maxLines: 1, bold: false } },
    ],
    { x: m, y: 0.3, w: W - 2 * m, h: top - 0.6 },
    { color: p.onColor, align: 'left' },
  )
  b.rect('band', 0, H - bottom, W, bottom, p.color)
  b.wholeWordsInBand(
    'group',
    p.groupTexts,
    { sizes: sizeSteps(6, 3.5), maxLines: 2, bold: true },
    { x: m, y: H - bottom + 0.2, w: W - 2 * m, h: bottom - 0.4 },
    { color: p.onColor, align: 'left' },
  )

  // 31 mm with the quiet zone: a version-6 code gets 0.63 mm modules, 3.7 dots at 150 dpi. With a
  // ribbon across the card it sits high, so the ribbon stays out of its quiet zone.
  const qrSize = 31
  const qrX = W - qrSize - 0.5
  const ribbonH = 5
  const ribbonY = H - bottom - ribbonH - 0.6
  const qrY = p.ribbon ? top + 0.3 : top + (H - bottom - top - qrSize) / 2
  b.elements.push(qrElement(input.code, qrX, qrY, qrSize))
  // the registration number, small, under the QR
  b.text(
    'regNo',
    p.regNo,
    { x: qrX, y: qrY + qrSize + 0.1, w: qrSize },
    { sizes: sizeSteps(5, 3.5), maxLines: 1, bold: false },
    { align: 'center', color: '#444444' },
  )

  const colW = qrX - 0.5 - m
  let y = top + 1
  y += b.text('title', input.attendee.title, { x: m, y, w: colW }, { sizes: sizeSteps(6.5, 4.5), maxLines: 1, bold: false })
  y += b.text('name', p.name, { x: m, y, w: colW }, { sizes: sizeSteps(15, 6), maxLines: 2, bold: true })
  y += 0.6
  b.text('organisation', input.attendee.organisation, { x: m, y, w: colW }, { sizes: sizeSteps(8, 4.5), maxLines: 2, bold: false })

  if (p.ribbon) {
    // across the whole card, so it is seen from any side of the door
    b.rect('ribbon', 0, ribbonY, W, ribbonH, p.ribbon.color)
    b.textInBand(
      'ribbon',
      [{ value: p.ribbon.text, spec: { sizes: sizeSteps(6.5, 3.5), maxLines: 2, bold: true } }],
      { x: m, y: ribbonY + 0.3, w: W - 2 * m, h: ribbonH - 0.6 },
      { color: p.ribbon.textColor, align: 'center' },
    )
  }
  const chipsH = 4
  const chipsY = (p.ribbon ? ribbonY : H - bottom) - 0.8 - chipsH
  const labelH = lineHeightMm(4.5)
  if (p.allowedDays > 0)
    b.text(
      'daysLabel',
      `${DAYS_LABEL.sw} / ${DAYS_LABEL.en}`,
      { x: m, y: chipsY - labelH - 0.2, w: colW },
      { sizes: [4.5], maxLines: 1, bold: true },
    )
  b.dayChips(p.days, { x: m, y: chipsY, w: colW, h: chipsH }, p.color, { twoLines: false, maxChip: 11, align: 'left' })
}

/** A6 lanyard badge, portrait: everything centred, a big QR in the middle. */
function layoutA6(input: BadgeInput, b: Builder, p: ReturnType<typeof parts>) {
  const { width: W, height: H } = BADGE_SIZE_MM.a6
  const m = 6
  const top = 24
  const bottom = 10
  b.rect('band', 0, 0, W, top, p.color)
  b.textInBand(
    'event',
    [
      { value: input.event.name.sw, spec: { sizes: sizeSteps(12, 6), maxLines: 2, bold: true } },
      { value: input.event.name.en, spec: { sizes: sizeSteps(10, 5), maxLines: 2, bold: false } },
    ],
    { x: m, y: 1, w: W - 2 * m, h: top - 2 },
    { color: p.onColor, align: 'center' },
  )
  b.rect('band', 0, H - bottom, W, bottom, p.color)
  b.wholeWordsInBand(
    'group',
    p.groupTexts,
    { sizes: sizeSteps(9, 5), maxLines: 2, bold: true },
    { x: m, y: H - bottom + 0.4, w: W - 2 * m, h: bottom - 0.8 },
    { color: p.onColor, align: 'center' },
  )

  // 50 mm with the quiet zone: 1 mm modules
  const qrSize = 50
  const qrY = 64

  const colW = W - 2 * m
  const first = b.elements.length
  let y = top + 2
  y += b.text(
    'title',
    input.attendee.title,
    { x: m, y, w: colW },
    { sizes: sizeSteps(10, 7), maxLines: 1, bold: false },
    { align: 'center' },
  )
  y += b.text('name', p.name, { x: m, y, w: colW }, { sizes: sizeSteps(24, 9), maxLines: 2, bold: true }, { align: 'center' })
  y += 1
  y += b.text(
    'organisation',
    input.attendee.organisation,
    { x: m, y, w: colW },
    { sizes: sizeSteps(12, 6), maxLines: 2, bold: false },
    { align: 'center' },
  )
  // centre the block between the band and the QR's quiet zone, which is white anyway
  const slack = Math.max(0, (qrY + 2 - y) / 2)
  for (const e of b.elements.slice(first)) e.y += slack

  b.elements.push(qrElement(input.code, (W - qrSize) / 2, qrY, qrSize))

  // the registration number, small, just under the QR
  const regH = b.text(
    'regNo',
    p.regNo,
    { x: m, y: qrY + qrSize + 0.1, w: colW },
    { sizes: sizeSteps(6.5, 4.5), maxLines: 1, bold: false },
    { align: 'center', color: '#444444' },
  )
  const labelY = qrY + qrSize + 0.1 + regH + 0.3
  const labelH =
    p.allowedDays > 0
      ? b.text(
          'daysLabel',
          `${DAYS_LABEL.sw} / ${DAYS_LABEL.en}`,
          { x: m, y: labelY, w: colW },
          { sizes: [7], maxLines: 1, bold: true },
          { align: 'center' },
        )
      : 0
  b.dayChips(p.days, { x: m, y: labelY + labelH + 0.3, w: colW, h: 8 }, p.color, { twoLines: true, maxChip: 22, align: 'center' })

  if (p.ribbon) {
    const ribbonH = 8
    const ribbonY = H - bottom - ribbonH - 1
    b.rect('ribbon', 0, ribbonY, W, ribbonH, p.ribbon.color)
    b.textInBand(
      'ribbon',
      [{ value: p.ribbon.text, spec: { sizes: sizeSteps(12, 6), maxLines: 2, bold: true } }],
      { x: m, y: ribbonY + 0.5, w: colW, h: ribbonH - 1 },
      { color: p.ribbon.textColor, align: 'center' },
    )
  }
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v))
/** The largest size (pt) whose one line fits in `mm` of height. */
const ptFor = (mm: number) => Math.floor(((mm * PT_PER_MM) / LINE_HEIGHT) * 2) / 2
/** A size range for a box of `mm` height with `lines` lines, never above `cap` pt. */
const sizesFor = (mm: number, lines: number, cap: number, min: number) => sizeSteps(Math.max(min, Math.min(cap, ptFor(mm / lines))), min)
const floorHalf = (mm: number) => Math.floor(mm * 2) / 2

/**
 * The column of text beside or above the QR: title, name (big, two lines), organisation, each
 * in its share of the height, so nothing runs into what is below however long it is.
 */
function textColumn(
  input: BadgeInput,
  b: Builder,
  p: ReturnType<typeof parts>,
  area: { x: number; y: number; w: number; h: number },
  align: 'left' | 'center',
  withEvent: boolean,
) {
  const share = withEvent ? { event: 0.2, title: 0.13, name: 0.44, org: 0.23 } : { event: 0, title: 0.15, name: 0.55, org: 0.3 }
  let y = area.y
  const at = () => ({ x: area.x, y, w: area.w })
  if (withEvent) {
    const h = area.h * share.event
    b.textInBand(
      'event',
      [
        { value: input.event.name.sw, spec: { sizes: sizesFor(h / 2, 1, 8, 3.5), maxLines: 1, bold: true } },
        { value: input.event.name.en, spec: { sizes: sizesFor(h / 2, 1, 7, 3.5), maxLines: 1, bold: false } },
      ],
      { ...at(), h },
      { color: INK, align },
    )
    y += h
  }
  y += b.text(
    'title',
    input.attendee.title,
    at(),
    { sizes: sizesFor(area.h * share.title, 1, 10, 4), maxLines: 1, bold: false, height: area.h * share.title },
    { align },
  )
  const nameH = area.h * share.name
  y += b.text('name', p.name, at(), { sizes: sizesFor(nameH, 1, 26, 5), maxLines: 2, bold: true, height: nameH }, { align })
  y += b.text(
    'organisation',
    input.attendee.organisation,
    at(),
    { sizes: sizesFor(area.h * share.org, 1, 12, 4), maxLines: 2, bold: false, height: area.h * share.org },
    { align },
  )
  return y
}

function ribbonAcross(b: Builder, p: ReturnType<typeof parts>, W: number, y: number, h: number, m: number, textW: number) {
  if (!p.ribbon) return
  // across the whole label, so it is seen from any side of the door
  b.rect('ribbon', 0, y, W, h, p.ribbon.color, p.mono ? MONO_INK : null)
  b.textInBand(
    'ribbon',
    [{ value: p.ribbon.text, spec: { sizes: sizesFor(h - 0.6, 2, 12, 3), maxLines: 2, bold: true } }],
    { x: m, y: y + 0.3, w: textW, h: h - 0.6 },
    { color: p.ribbon.textColor, align: 'center' },
  )
}

/**
 * A wide label (Zebra 4 × 3 in, DYMO 89 × 36 mm): the QR on the right, as big as the height
 * allows, the name beside it, the group band along the bottom. A label too short for an event
 * band (the DYMO) prints the event's name small at the top of the text column instead.
 */
function layoutWideLabel(input: BadgeInput, b: Builder, p: ReturnType<typeof parts>, s: BadgeStock) {
  const { width: W, height: H, margin } = s
  const m = margin.left + 1
  const inner = W - m - margin.right - 1
  const roomy = H >= 50
  const top = roomy ? clamp(H * 0.14, 8, 14) + Math.max(0, margin.top - 0.5) : 0
  const bottom = clamp(H * 0.14, 5, 11) + Math.max(0, margin.bottom - 1.5)
  const ribbonH = clamp(H * 0.1, 3.6, 7)
  if (top > 0) {
    const y = Math.max(0.5, margin.top)
    b.rect('band', 0, 0, W, top, p.color)
    b.textInBand(
      'event',
      [
        { value: input.event.name.sw, spec: { sizes: sizesFor((top - y - 0.5) / 2, 1, 11, 4), maxLines: 1, bold: true } },
        { value: input.event.name.en, spec: { sizes: sizesFor((top - y - 0.5) / 2, 1, 9, 4), maxLines: 1, bold: false } },
      ],
      { x: m, y, w: inner, h: top - y - 0.5 },
      { color: p.onColor, align: 'left' },
    )
  }
  b.rect('band', 0, H - bottom, W, bottom, p.color)
  const bandY = H - bottom + 0.2
  b.wholeWordsInBand(
    'group',
    p.groupTexts,
    { sizes: sizeSteps(roomy ? 11 : 6, 3.5), maxLines: 2, bold: true },
    { x: m, y: bandY, w: inner, h: H - Math.max(0.2, margin.bottom) - bandY },
    { color: p.onColor, align: 'left' },
  )

  // the ribbon's strip is kept free with or without one, so the QR sits in the same place on every label
  const ribbonY = H - bottom - ribbonH - 0.3
  const regPt = roomy ? 6 : 4.5
  const regH = lineHeightMm(regPt)
  const qrTop = top > 0 ? top + 1 : margin.top
  const room = ribbonY - 0.3 - qrTop - regH - 0.1
  // at least 22 mm with the quiet zone: a version-6 code's modules stay ≥ 0.45 mm, 5 dots at 300 dpi
  const qrSize = floorHalf(Math.min(W * 0.36, room))
  const qrX = W - margin.right - qrSize
  const qrY = qrTop + (room - qrSize) / 2
  b.elements.push(qrElement(input.code, qrX, qrY, qrSize))
  b.text(
    'regNo',
    p.regNo,
    { x: qrX, y: qrY + qrSize + 0.1, w: qrSize },
    { sizes: sizeSteps(regPt, 3.5), maxLines: 1, bold: false },
    { align: 'center', color: '#444444' },
  )

  const colW = qrX - 1 - m
  const colTop = top > 0 ? top + 1.5 : margin.top
  const chipsH = roomy ? 6 : 3.5
  const labelPt = roomy ? 6 : 4
  const labelH = lineHeightMm(labelPt)
  const chipsY = ribbonY - 0.4 - chipsH
  textColumn(input, b, p, { x: m, y: colTop, w: colW, h: chipsY - labelH - 0.4 - colTop }, 'left', top === 0)
  if (p.allowedDays > 0)
    b.text(
      'daysLabel',
      `${DAYS_LABEL.sw} / ${DAYS_LABEL.en}`,
      { x: m, y: chipsY - labelH - 0.2, w: colW },
      { sizes: [labelPt], maxLines: 1, bold: true },
    )
  b.dayChips(p.days, { x: m, y: chipsY, w: colW, h: chipsH }, p.color, { twoLines: false, maxChip: roomy ? 14 : 10, align: 'left' })
  ribbonAcross(b, p, W, ribbonY, ribbonH, m, inner)
}

/**
 * A tall label (Zebra 4 × 6 in, Brother 62 mm, DYMO 54 × 101 mm): like the A6 badge, centred,
 * the event band on top, the name, the QR as wide as the label allows below it, the days, the
 * ribbon and the group band at the foot.
 */
function layoutTallLabel(input: BadgeInput, b: Builder, p: ReturnType<typeof parts>, s: BadgeStock) {
  const { width: W, height: H, margin } = s
  // centred: the same room on both sides
  const m = Math.max(margin.left, margin.right) + 1.5
  const top = clamp(H * 0.13, 10, 22) + Math.max(0, margin.top - 1)
  const bottom = clamp(H * 0.07, 6, 10) + Math.max(0, margin.bottom - 0.4)
  const ribbonH = clamp(H * 0.055, 5, 8)
  const chipsH = clamp(H * 0.055, 5, 8)
  const twoLineChips = chipsH >= 7
  const labelPt = clamp(H * 0.045, 4.5, 7)
  const regPt = clamp(H * 0.045, 4.5, 6.5)
  const eventY = Math.max(1, margin.top)
  b.rect('band', 0, 0, W, top, p.color)
  b.textInBand(
    'event',
    [
      { value: input.event.name.sw, spec: { sizes: sizesFor((top - eventY - 1) / 2, 2, 12, 4), maxLines: 2, bold: true } },
      { value: input.event.name.en, spec: { sizes: sizesFor((top - eventY - 1) / 2, 2, 10, 4), maxLines: 2, bold: false } },
    ],
    { x: m, y: eventY, w: W - 2 * m, h: top - eventY - 1 },
    { color: p.onColor, align: 'center' },
  )
  b.rect('band', 0, H - bottom, W, bottom, p.color)
  const bandY = H - bottom + 0.4
  b.wholeWordsInBand(
    'group',
    p.groupTexts,
    { sizes: sizeSteps(clamp(W / 11, 6, 10), 4), maxLines: 2, bold: true },
    { x: m, y: bandY, w: W - 2 * m, h: H - Math.max(0.4, margin.bottom) - bandY },
    { color: p.onColor, align: 'center' },
  )

  const ribbonY = H - bottom - ribbonH - 0.8
  const chipsY = ribbonY - 0.6 - chipsH
  const labelH = lineHeightMm(labelPt)
  const regH = lineHeightMm(regPt)
  const qrBottom = chipsY - 0.3 - labelH - 0.3 - regH - 0.1
  const textH = H * 0.2
  const qrSize = floorHalf(Math.min(W - 2 * Math.max(margin.left, margin.right), 60, qrBottom - (top + 1 + textH)))
  const qrY = qrBottom - qrSize
  const colW = W - 2 * m
  textColumn(input, b, p, { x: m, y: top + 1, w: colW, h: qrY - top - 1.2 }, 'center', false)
  b.elements.push(qrElement(input.code, (W - qrSize) / 2, qrY, qrSize))
  b.text(
    'regNo',
    p.regNo,
    { x: m, y: qrY + qrSize + 0.1, w: colW },
    { sizes: sizeSteps(regPt, 3.5), maxLines: 1, bold: false },
    { align: 'center', color: '#444444' },
  )
  if (p.allowedDays > 0)
    b.text(
      'daysLabel',
      `${DAYS_LABEL.sw} / ${DAYS_LABEL.en}`,
      { x: m, y: chipsY - 0.3 - labelH, w: colW },
      { sizes: [labelPt], maxLines: 1, bold: true },
      { align: 'center' },
    )
  b.dayChips(p.days, { x: m, y: chipsY, w: colW, h: chipsH }, p.color, { twoLines: twoLineChips, maxChip: 22, align: 'center' })
  ribbonAcross(b, p, W, ribbonY, ribbonH, m, colW)
}

export function layoutBadge(input: BadgeInput, measure: Measure): BadgeLayout {
  const b = new Builder(measure)
  const p = parts(input)
  const stock = STOCKS[input.format]
  if (stock.shape === 'card') layoutCr80(input, b, p)
  else if (stock.shape === 'lanyard') layoutA6(input, b, p)
  else if (stock.shape === 'wide-label') layoutWideLabel(input, b, p, stock)
  else layoutTallLabel(input, b, p, stock)
  const { width, height } = BADGE_SIZE_MM[input.format]
  return {
    format: input.format,
    width,
    height,
    attendeeId: input.attendee.id,
    badgeVersion: input.attendee.badgeVersion,
    code: input.code,
    ribbon: p.ribbon,
    days: p.days,
    elements: b.elements,
  }
}
