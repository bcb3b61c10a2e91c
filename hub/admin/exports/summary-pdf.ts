// The summary report: a day × group table (checked in / expected / %), and for each day the
// categories, institution types, halls' peak occupancy, walk-ins, new badges, review cases and
// a bar chart of first arrivals per 15 minutes, drawn with pdfkit's own shapes. Every cell wraps.
import type { Bilingual } from '../../../shared/domain.js'
import { calendarDate, clockTime, dayDate, dayWithWeekday } from '../../../shared/local-time.js'
import type { Tally } from '../../../shared/stats.js'
import type { EventStore } from '../../store/event-store.js'
import { both, L } from './labels.js'
import { BOLD, closeDoc, fillWidths, FONT, keepRoom, MM, openDoc, para, table, type Column, type Doc } from './pdf.js'
import { buildSummary, pct, type DaySummary } from './summary.js'

const QUARTER = 15 * 60_000

export const S = {
  title: { sw: 'Ripoti ya muhtasari', en: 'Summary report' },
  byGroup: { sw: 'Walioingia / wanaotarajiwa kwa siku na kundi', en: 'Checked in / expected by day and group' },
  byCategory: { sw: 'Kwa kategoria', en: 'By category' },
  byOrgType: { sw: 'Kwa aina ya taasisi', en: 'By institution type' },
  halls: { sw: 'Kumbi: idadi kubwa zaidi ndani kwa wakati mmoja', en: 'Halls: peak occupancy' },
  hall: { sw: 'Ukumbi', en: 'Hall' },
  capacity: { sw: 'Uwezo', en: 'Capacity' },
  peak: { sw: 'Kilele', en: 'Peak' },
  peakAt: { sw: 'Saa ya kilele', en: 'Peak at' },
  arrivals: { sw: 'Wanaoingia kila dakika 15', en: 'Arrivals per 15 minutes' },
  noArrivals: { sw: 'Hakuna aliyeingia.', en: 'No arrivals.' },
  walkIns: { sw: 'Washiriki wa papo hapo', en: 'Walk-ins' },
  reprints: { sw: 'Beji mpya', en: 'New badges (reprints)' },
  reviews: { sw: 'Kesi za ukaguzi', en: 'Review cases' },
  doubleAdmission: { sw: 'meza mbili', en: 'two desks' },
  hubRefused: { sw: 'kitovu kingekataa', en: 'hub would have refused' },
  unique: { sw: 'Washiriki walioingia angalau siku moja', en: 'Attendees checked in on at least one day' },
  none: { sw: '(bila)', en: '(none)' },
} as const satisfies Record<string, Bilingual>

const fraction = (t: Pick<Tally, 'checkedIn' | 'expected'>) => {
  const p = pct(t)
  return `${t.checkedIn} / ${t.expected}${p === null ? '' : ` (${p}%)`}`
}

export async function summaryPdf(store: EventStore): Promise<Buffer> {
  const event = store.data.event
  const tz = event.timezone
  const now = store.now()
  const summary = buildSummary(store)
  const first = event.days[0]!.date
  const last = event.days[event.days.length - 1]!.date
  const d = openDoc({
    title: `${both(S.title)} — ${both(event.name)}`,
    layout: 'portrait',
    header: [both(event.name), both(S.title), `${dayDate(first)} – ${dayDate(last)}`, `${both(L.venue)}: ${event.venue}`],
    footer: `Karibu — ${both(L.generated)} ${calendarDate(now, tz)} ${clockTime(now, tz)} (${tz})`,
  })

  para(d, `${both(S.unique)}: ${summary.totals.uniqueAttendees}`, { size: 10, bold: true })
  para(
    d,
    `${both(S.walkIns)}: ${summary.totals.walkIns}   ${both(S.reprints)}: ${summary.totals.reprints}   ${both(S.reviews)}: ${summary.totals.reviews}`,
    { gap: 8 },
  )

  // day × group: a group not allowed on a day shows a dash
  para(d, both(S.byGroup), { bold: true, size: 11, gap: 4 })
  type Row = { name: string; cells: string[] }
  const rows: Row[] = event.groups.map((g) => ({
    name: both(g.name),
    cells: summary.days.map((s) => {
      if (!g.days.includes(s.dayId)) return '—'
      const t = s.stats.groups.find((x) => x.key === g.id) ?? { checkedIn: 0, expected: 0 }
      return fraction(t)
    }),
  }))
  rows.push({ name: both(L.total), cells: summary.days.map((s) => fraction(s.stats)) })
  const widths = fillWidths(d.width, [
    { weight: 1 },
    ...event.days.map(() => ({ fixed: Math.min(32 * MM, (d.width * 0.62) / event.days.length) })),
  ])
  const columns: Column<Row>[] = [
    { title: both(L.group), width: widths[0]!, value: (r) => r.name },
    ...event.days.map((day, i): Column<Row> => ({
      title: `${both(day.name)} ${dayDate(day.date)}`,
      width: widths[i + 1]!,
      value: (r) => r.cells[i]!,
      align: 'center',
    })),
  ]
  await table(d, columns, rows, { boldLast: true })

  for (const s of summary.days) await daySection(d, store, s)
  return closeDoc(d)
}

/** A heading never alone at the foot of a page: it keeps room for a table's header and first row. */
const HEADING_ROOM = 22 * MM

async function tallyTable(d: Doc, title: Bilingual, tallies: Tally[]) {
  keepRoom(d, HEADING_ROOM)
  para(d, both(title), { bold: true, gap: 3 })
  const w = fillWidths(d.width, [{ weight: 1 }, { fixed: 34 * MM }, { fixed: 34 * MM }, { fixed: 18 * MM }])
  const columns: Column<Tally>[] = [
    {
      title: both(title === S.byCategory ? L.category : L.institutionType),
      width: w[0]!,
      value: (t) => (t.key === '-' ? both(S.none) : t.key),
    },
    { title: both(L.checkedIn), width: w[1]!, value: (t) => String(t.checkedIn), align: 'right' },
    { title: both(L.expected), width: w[2]!, value: (t) => String(t.expected), align: 'right' },
    { title: '%', width: w[3]!, value: (t) => (pct(t) === null ? '—' : `${pct(t)}%`), align: 'right' },
  ]
  await table(d, columns, tallies)
  d.doc.y += 4
}

async function daySection(d: Doc, store: EventStore, s: DaySummary) {
  const event = store.data.event
  const tz = event.timezone
  const day = event.days.find((x) => x.id === s.dayId)!
  d.doc.y += 8
  keepRoom(d, 60 * MM)
  para(d, `${both(day.name)} — ${dayWithWeekday(day.date, 'sw')} / ${dayWithWeekday(day.date, 'en')}`, { bold: true, size: 12, gap: 3 })
  para(d, `${both(L.checkedIn)} / ${both(L.expected)}: ${fraction(s.stats)}`)
  para(
    d,
    `${both(S.walkIns)}: ${s.walkIns}   ${both(S.reprints)}: ${s.reprints}   ${both(S.reviews)}: ${s.reviews.doubleAdmission + s.reviews.hubRefused} (${both(S.doubleAdmission)}: ${s.reviews.doubleAdmission}; ${both(S.hubRefused)}: ${s.reviews.hubRefused})`,
    { gap: 6 },
  )

  keepRoom(d, 190)
  para(d, `${both(S.arrivals)} (${tz})`, { bold: true, gap: 3 })
  arrivalsChart(d, s.stats.arrivals, tz)

  await tallyTable(
    d,
    S.byCategory,
    s.stats.categories.filter((t) => t.expected > 0 || t.checkedIn > 0),
  )
  await tallyTable(
    d,
    S.byOrgType,
    s.stats.orgTypes.filter((t) => t.expected > 0 || t.checkedIn > 0),
  )

  keepRoom(d, HEADING_ROOM)
  para(d, both(S.halls), { bold: true, gap: 3 })
  const w = fillWidths(d.width, [{ weight: 1 }, { fixed: 24 * MM }, { fixed: 24 * MM }, { fixed: 30 * MM }])
  const names = new Map(event.halls.map((h) => [h.id, both(h.name)]))
  await table(
    d,
    [
      { title: both(S.hall), width: w[0]!, value: (h: DaySummary['halls'][number]) => names.get(h.hallId) ?? h.hallId },
      { title: both(S.capacity), width: w[1]!, value: (h) => String(h.capacity), align: 'right' },
      { title: both(S.peak), width: w[2]!, value: (h) => String(h.peak), align: 'right' },
      { title: both(S.peakAt), width: w[3]!, value: (h) => (h.at ? clockTime(h.at, tz) : '—'), align: 'center' },
    ],
    s.halls,
  )
}

/** Bars for every quarter hour from the first arrival to the last, empty quarters included. */
export function arrivalsChart(d: Doc, arrivals: readonly { at: string; count: number }[], timezone: string) {
  const { doc } = d
  if (arrivals.length === 0) {
    para(d, both(S.noArrivals), { color: '#555555' })
    return
  }
  const left = d.left + 24
  const width = d.width - 24
  const height = 130
  const top = doc.y + 6
  const first = Date.parse(arrivals[0]!.at)
  const last = Date.parse(arrivals[arrivals.length - 1]!.at)
  const counts = new Map(arrivals.map((a) => [Date.parse(a.at), a.count]))
  const buckets: { at: number; count: number }[] = []
  for (let t = first; t <= last; t += QUARTER) buckets.push({ at: t, count: counts.get(t) ?? 0 })
  const max = Math.max(1, ...buckets.map((b) => b.count))
  const slot = width / buckets.length
  const bar = Math.max(1, slot * 0.8)

  doc.lineWidth(0.5).strokeColor('#444444')
  doc
    .moveTo(left, top)
    .lineTo(left, top + height)
    .lineTo(left + width, top + height)
    .stroke()
  doc.font(FONT).fontSize(7).fillColor('#000000')
  doc.text(String(max), d.left, top - 3, { width: 20, align: 'right', lineBreak: false })
  doc.text('0', d.left, top + height - 6, { width: 20, align: 'right', lineBreak: false })
  buckets.forEach((b, i) => {
    const h = (b.count / max) * height
    const x = left + i * slot + (slot - bar) / 2
    if (b.count > 0) doc.rect(x, top + height - h, bar, h).fill('#1f4e79')
    if (b.count > 0 && buckets.length <= 24)
      doc
        .font(BOLD)
        .fontSize(6)
        .fillColor('#000000')
        .text(String(b.count), left + i * slot, top + height - h - 8, { width: slot, align: 'center', lineBreak: false })
    // a label on the hour (or on every bar when there are few)
    const label = clockTime(new Date(b.at), timezone)
    if (buckets.length <= 16 || label.endsWith(':00')) {
      doc
        .font(FONT)
        .fillColor('#000000')
        .fontSize(6)
        .text(label, left + i * slot + slot / 2 - 15, top + height + 3, { width: 30, align: 'center', lineBreak: false })
    }
  })
  doc.fillColor('#000000')
  doc.x = d.left
  doc.y = top + height + 16
}
