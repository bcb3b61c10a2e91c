// The attendance register as a government office files it: the event, day, date and venue at
// the top of every page, numbered rows whose cells wrap (name, title and institution always
// whole), a signature column wide enough to sign, "page N of M", the totals and a closing
// block for the responsible officer with room for the stamp. `blank`: the list of everyone
// expected, to be signed on paper, with empty rows for people not on the list.
import { dayWithWeekday, calendarDate, clockTime } from '../../../shared/local-time.js'
import type { EventStore } from '../../store/event-store.js'
import { both, L } from './labels.js'
import { BOLD, closeDoc, fillWidths, FONT, keepRoom, MM, openDoc, para, table, type Column, type Doc } from './pdf.js'
import { buildRegister, type Lang, type RegisterEntry, type RegisterScope } from './register.js'

import { REGISTER_COLUMNS, type RegisterColumn, type RegisterOrientation } from '../../../shared/documents.js'

export const OPTIONAL_COLUMNS = REGISTER_COLUMNS
export type OptionalColumn = RegisterColumn

/** The signature column: 40 mm, over the 35 mm a signature needs. */
export const SIGNATURE_WIDTH = 40 * MM
/** Rows at least 9 mm tall, so a signature fits in its row. */
const ROW_HEIGHT = 9 * MM
/** Empty rows at the end of a blank register, for people not on the list. */
export const BLANK_EXTRA_ROWS = 10

export interface RegisterOptions extends RegisterScope {
  lang: Lang
  columns: OptionalColumn[]
  orientation: RegisterOrientation
  blank: boolean
  officer?: { name?: string; title?: string }
}

type Row = RegisterEntry & { n: number }

const OPTIONAL: Record<OptionalColumn, { title: string; width: number; value(e: Row, blank: boolean): string; align?: 'center' }> = {
  phone: { title: both(L.phone), width: 31 * MM, value: (e) => e.phone },
  category: { title: both(L.category), width: 26 * MM, value: (e) => e.category },
  group: { title: both(L.group), width: 28 * MM, value: (e) => e.group },
  desk: { title: both(L.desk), width: 20 * MM, value: (e, blank) => (blank ? '' : e.desk) },
  time: { title: both(L.clock), width: 17 * MM, value: (e, blank) => (blank ? '' : e.time), align: 'center' },
}

/** The name, title and institution columns need this much between them, or words would break. */
const MIN_TEXT_WIDTH = 95 * MM
const PORTRAIT_WIDTH = 210 * MM - 28 * MM

function chooseLayout(options: RegisterOptions): 'portrait' | 'landscape' {
  if (options.orientation !== 'auto') return options.orientation
  const fixed = 11 * MM + SIGNATURE_WIDTH + options.columns.reduce((s, c) => s + OPTIONAL[c].width, 0)
  return PORTRAIT_WIDTH - fixed >= MIN_TEXT_WIDTH ? 'portrait' : 'landscape'
}

function columnsFor(d: Doc, options: RegisterOptions): Column<Row>[] {
  const optional = OPTIONAL_COLUMNS.filter((c) => options.columns.includes(c))
  const widths = fillWidths(d.width, [
    { fixed: 11 * MM },
    { weight: 34 },
    { weight: 22 },
    { weight: 44 },
    ...optional.map((c) => ({ fixed: OPTIONAL[c].width })),
    { fixed: SIGNATURE_WIDTH },
  ])
  const w = (i: number) => widths[i]!
  return [
    { title: both(L.no), width: w(0), value: (e) => String(e.n), align: 'right' },
    { title: both(L.name), width: w(1), value: (e) => e.name },
    { title: both(L.title), width: w(2), value: (e) => e.title },
    { title: both(L.institution), width: w(3), value: (e) => e.organisation },
    ...optional.map((c, i): Column<Row> => ({
      title: OPTIONAL[c].title,
      width: w(4 + i),
      value: (e) => OPTIONAL[c].value(e, options.blank),
      align: OPTIONAL[c].align,
    })),
    { title: both(L.signature), width: w(4 + optional.length), value: () => '' },
  ]
}

function scopeLine(store: EventStore, options: RegisterOptions): string {
  const group = options.groupId ? store.data.event.groups.find((g) => g.id === options.groupId) : undefined
  const parts = [
    group ? `${both(L.group)}: ${both(group.name)}` : null,
    options.institution !== null ? `${both(L.institution)}: ${options.institution}` : null,
  ].filter((p) => p !== null)
  return parts.length > 0 ? parts.join(' — ') : both(L.allAttendees)
}

export async function registerPdf(store: EventStore, options: RegisterOptions): Promise<Buffer> {
  const event = store.data.event
  const tz = event.timezone
  const day = event.days.find((d) => d.id === options.dayId)!
  const register = buildRegister(store, options, options.lang)
  const title = both(options.blank ? L.blankRegister : L.register)
  const now = store.now()
  const d = openDoc({
    title: `${title} — ${both(day.name)}`,
    layout: chooseLayout(options),
    header: [
      both(event.name),
      `${title} — ${scopeLine(store, options)}`,
      `${both(day.name)} — ${dayWithWeekday(day.date, 'sw')} / ${dayWithWeekday(day.date, 'en')}`,
      `${both(L.venue)}: ${event.venue}`,
    ],
    footer: `Karibu — ${both(L.generated)} ${calendarDate(now, tz)} ${clockTime(now, tz)} (${tz})`,
  })

  const listed = options.blank ? register.entries : register.entries.filter((e) => e.present)
  const rows: Row[] = listed.map((e, i) => ({ ...e, n: i + 1 }))
  if (options.blank) {
    // numbered empty rows for people not on the list, who write their details by hand
    for (let i = 0; i < BLANK_EXTRA_ROWS; i++) rows.push({ ...emptyEntry(), n: rows.length + 1 })
  }
  if (rows.length === 0) para(d, both(L.nobody), { size: 10, gap: 6 })
  else await table(d, columnsFor(d, options), rows, { minRowHeight: ROW_HEIGHT })
  closingBlock(d, register, options)
  return closeDoc(d)
}

function emptyEntry(): RegisterEntry {
  return {
    attendeeId: '',
    externalId: '',
    firstName: '',
    lastName: '',
    name: '',
    title: '',
    organisation: '',
    orgType: '',
    category: '',
    phone: '',
    groupId: '',
    group: '',
    present: false,
    at: null,
    time: '',
    deskId: '',
    desk: '',
  }
}

/** Totals and the officer's block (name, title, signature, date, stamp), kept together on one page. */
function closingBlock(d: Doc, register: { present: number; expected: number }, options: RegisterOptions) {
  const { doc } = d
  const height = 62 * MM
  doc.y += 5 * MM
  keepRoom(d, height)
  const present = options.blank ? '________' : String(register.present)
  doc.font(BOLD).fontSize(10).fillColor('#000000')
  doc.text(`${both(L.checkedIn)}: ${present}     ${both(L.expected)}: ${register.expected}`, d.left, doc.y, { width: d.width })
  doc.y += 4 * MM
  doc.font(BOLD).fontSize(10).text(both(L.officer), d.left, doc.y, { width: d.width })
  doc.y += 2 * MM
  const stampWidth = 50 * MM
  const lineWidth = d.width - stampWidth - 8 * MM
  const top = doc.y
  const LABEL = 48 * MM
  const field = (label: string, value: string | undefined) => {
    const y = doc.y
    doc
      .font(FONT)
      .fontSize(9)
      .text(`${label}:`, d.left, y + 5 * MM - 10, { width: LABEL - 2, lineBreak: false })
    if (value)
      doc
        .font(FONT)
        .fontSize(9)
        .text(value, d.left + LABEL, y + 5 * MM - 11, { width: lineWidth - LABEL })
    doc
      .moveTo(d.left + LABEL, y + 5 * MM)
      .lineTo(d.left + lineWidth, y + 5 * MM)
      .lineWidth(0.5)
      .strokeColor('#000000')
      .stroke()
    doc.y = y + 10 * MM
  }
  field(both(L.name), options.officer?.name)
  field(both(L.title), options.officer?.title)
  field(both(L.signature), undefined)
  field(both(L.date), undefined)
  // the stamp's square, beside the officer's lines
  const x = d.left + d.width - stampWidth
  doc
    .rect(x, top, stampWidth, 40 * MM)
    .dash(3, { space: 2 })
    .lineWidth(0.6)
    .strokeColor('#666666')
    .stroke()
    .undash()
  doc
    .font(FONT)
    .fontSize(8)
    .fillColor('#666666')
    .text(both(L.stamp), x, top + 2 * MM, { width: stampWidth, align: 'center' })
  doc.fillColor('#000000')
  doc.x = d.left
  doc.y = Math.max(doc.y, top + 42 * MM)
}
