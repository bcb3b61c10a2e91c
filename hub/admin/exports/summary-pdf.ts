// The summary report: a day × group table of checked-in / expected, and for each day a bar
// chart of first arrivals per 15 minutes, drawn with pdfkit's own shapes.
import type { DayStats } from '../../../shared/stats.js'
import { dayStats } from '../../../shared/stats.js'
import type { EventStore } from '../../store/event-store.js'
import { BOLD, finish, FONT, newDoc, pageNumbers, table, type Column } from './pdf.js'
import { clockTime } from './register.js'

const QUARTER = 15 * 60_000

export async function summaryPdf(store: EventStore): Promise<Buffer> {
  const event = store.data.event
  const now = store.now()
  const stats = new Map<string, DayStats>(event.days.map((d) => [d.id, dayStats(store.ledger, store.registry, d.id, now)]))
  const doc = newDoc({ info: { Title: 'Ripoti ya muhtasari / Summary report' } })

  doc.font(BOLD).fontSize(14).text(`${event.name.sw} / ${event.name.en}`)
  doc.font(FONT).fontSize(10).text(event.venue)
  doc.moveDown(0.3)
  doc.font(BOLD).fontSize(12).text('Ripoti ya muhtasari / Summary report')
  doc.moveDown(0.5)

  // one row per group and a total row; a group not allowed on a day shows a dash
  type Row = { name: string; cells: string[] }
  const cell = (s: DayStats | undefined, groupId: string | null, allowed: boolean) => {
    if (!s || !allowed) return '—'
    if (groupId === null) return `${s.checkedIn} / ${s.expected}`
    const t = s.groups.find((g) => g.key === groupId)
    return `${t?.checkedIn ?? 0} / ${t?.expected ?? 0}`
  }
  const rows: Row[] = event.groups.map((g) => ({ name: `${g.name.sw} / ${g.name.en}`, cells: event.days.map((d) => cell(stats.get(d.id), g.id, g.days.includes(d.id))) }))
  rows.push({ name: 'Jumla / Total', cells: event.days.map((d) => cell(stats.get(d.id), null, true)) })
  const dayWidth = Math.min(90, Math.floor(335 / event.days.length))
  const columns: Column<Row>[] = [
    { title: 'Kundi / Group', width: 515 - dayWidth * event.days.length, value: (r) => r.name },
    ...event.days.map((d, i): Column<Row> => ({ title: `${d.name.sw} (${d.date.slice(5)})`, width: dayWidth, value: (r) => r.cells[i]!, align: 'center' })),
  ]
  doc.font(FONT).fontSize(8).text('Wamewasili / wanaotarajiwa — Checked in / expected')
  doc.moveDown(0.3)
  table(doc, columns, rows)

  for (const d of event.days) {
    const s = stats.get(d.id)!
    if (doc.y > doc.page.height - 240) doc.addPage()
    doc.moveDown(1)
    doc.font(BOLD).fontSize(11).fillColor('#000000').text(`${d.name.sw} / ${d.name.en} — ${d.date}`, doc.page.margins.left)
    doc.font(FONT).fontSize(9).text(`Wanaowasili kila dakika 15 / Arrivals per 15 minutes (${event.timezone}) — ${s.checkedIn} / ${s.expected}`)
    doc.moveDown(0.3)
    arrivalsChart(doc, s.arrivals, event.timezone)
  }
  pageNumbers(doc, `Karibu — ${clockTime(event.timezone, now)} ${event.timezone}`)
  return finish(doc)
}

/** Bars for every quarter hour from the first arrival to the last, empty quarters included. */
export function arrivalsChart(doc: PDFKit.PDFDocument, arrivals: readonly { at: string; count: number }[], timezone: string) {
  const left = doc.page.margins.left + 24
  const width = 515 - 24
  const height = 130
  const top = doc.y + 4
  if (arrivals.length === 0) {
    doc.font(FONT).fontSize(9).fillColor('#555555').text('Hakuna aliyewasili. / No arrivals.', doc.page.margins.left)
    doc.fillColor('#000000')
    return
  }
  const first = Date.parse(arrivals[0]!.at)
  const last = Date.parse(arrivals[arrivals.length - 1]!.at)
  const counts = new Map(arrivals.map((a) => [Date.parse(a.at), a.count]))
  const buckets: { at: number; count: number }[] = []
  for (let t = first; t <= last; t += QUARTER) buckets.push({ at: t, count: counts.get(t) ?? 0 })
  const max = Math.max(1, ...buckets.map((b) => b.count))
  const slot = width / buckets.length
  const bar = Math.max(1, slot * 0.8)

  doc.lineWidth(0.5).strokeColor('#444444')
  doc.moveTo(left, top).lineTo(left, top + height).lineTo(left + width, top + height).stroke()
  doc.font(FONT).fontSize(7).fillColor('#000000')
  doc.text(String(max), doc.page.margins.left, top - 3, { width: 20, align: 'right', lineBreak: false })
  doc.text('0', doc.page.margins.left, top + height - 6, { width: 20, align: 'right', lineBreak: false })
  buckets.forEach((b, i) => {
    const h = (b.count / max) * height
    const x = left + i * slot + (slot - bar) / 2
    if (b.count > 0) doc.rect(x, top + height - h, bar, h).fill('#1f77b4')
    // a label on the hour (or on every bar when there are few)
    const label = clockTime(timezone, new Date(b.at))
    if (buckets.length <= 16 || label.endsWith(':00')) {
      doc.fillColor('#000000').fontSize(6).text(label, left + i * slot + slot / 2 - 15, top + height + 3, { width: 30, align: 'center', lineBreak: false })
    }
  })
  doc.fillColor('#000000')
  doc.x = doc.page.margins.left
  doc.y = top + height + 16
}
