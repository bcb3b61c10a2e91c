// The attendance register as a printable PDF: one table per group, with a column for signatures.
import type { EventStore } from '../../store/event-store.js'
import { BOLD, finish, FONT, newDoc, pageNumbers, table, type Column } from './pdf.js'
import { clockTime, namer, registerEntries, type Lang, type RegisterEntry } from './register.js'

const COLUMNS: Column<RegisterEntry & { n: number }>[] = [
  { title: '#', width: 22, value: (e) => String(e.n), align: 'right' },
  { title: 'Jina / Name', width: 110, value: (e) => e.name },
  { title: 'Cheo / Title', width: 62, value: (e) => e.title },
  { title: 'Taasisi / Organisation', width: 112, value: (e) => e.organisation },
  { title: 'Saa / Time', width: 56, value: (e) => e.time, align: 'center' },
  { title: 'Meza / Desk', width: 60, value: (e) => e.desk },
  { title: 'Sahihi / Signature', width: 93, value: () => '' },
]

export async function registerPdf(store: EventStore, dayId: string, groupId: string | null, lang: Lang): Promise<Buffer> {
  const event = store.data.event
  const names = namer(store, lang)
  const day = event.days.find((d) => d.id === dayId)
  const entries = registerEntries(store, dayId, groupId, lang)
  const doc = newDoc({ info: { Title: `Daftari la mahudhurio / Attendance register — ${names.day(dayId)}` } })

  doc.font(BOLD).fontSize(14).text(`${event.name.sw} / ${event.name.en}`)
  doc.font(FONT).fontSize(10).text(event.venue)
  doc.moveDown(0.3)
  doc.font(BOLD).fontSize(12).text('Daftari la mahudhurio / Attendance register')
  doc.font(FONT).fontSize(10).text(`${day ? `${day.name.sw} / ${day.name.en}` : dayId} — ${day?.date ?? ''}`)
  doc.moveDown(0.5)

  const groups = event.groups.filter((g) => !groupId || g.id === groupId)
  for (const g of groups) {
    const rows = entries.filter((e) => e.groupId === g.id).map((e, i) => ({ ...e, n: i + 1 }))
    if (groupId === null && rows.length === 0) continue
    if (doc.y > doc.page.height - 120) doc.addPage()
    else doc.moveDown(1)
    doc.font(BOLD).fontSize(11).fillColor('#000000').text(`${g.name.sw} / ${g.name.en}`, doc.page.margins.left)
    doc.font(FONT).fontSize(9).text(`Waliohudhuria / Attended: ${rows.length}`)
    doc.moveDown(0.3)
    table(doc, COLUMNS, rows)
  }
  if (entries.length === 0) doc.moveDown().font(FONT).fontSize(10).text('Hakuna aliyesajiliwa siku hii. / Nobody checked in on this day.')
  doc.moveDown()
  doc.font(FONT).fontSize(9).fillColor('#000000').text(`Jumla / Total: ${entries.length}`, doc.page.margins.left)
  pageNumbers(doc, `Karibu — ${clockTime(event.timezone, store.now())} ${event.timezone}`)
  return finish(doc)
}
