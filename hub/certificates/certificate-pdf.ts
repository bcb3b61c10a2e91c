// Certificates of attendance, one A4 landscape page each: the logo, the event's name, dates and
// venue, the attendee's full name, title and institution, the days attended, the organiser's
// signature block, and a QR (vector, sharp at any resolution) to the hub's check page, with
// the certificate number in text beside it. Both languages, Kiswahili first.
import { PDFDocument } from '../pdfkit.js'
import { qrMatrix, qrRuns, QR_QUIET_MODULES } from '../../shared/badges/badge-qr.js'
import { attendeeName, type EventInfo } from '../../shared/domain.js'
import { calendarDate, dayDate } from '../../shared/local-time.js'
import { badgeFonts } from '../badges/badge-pdf.js'
import type { Attendance } from './eligibility.js'
import type { CertificateSettings } from './settings.js'
import { C } from './words.js'

const MM = 72 / 25.4
const FONT = 'body'
const BOLD = 'bold'

export interface CertificatePage {
  attendance: Attendance
  number: string
  /** what the QR holds: the check page's address with the signed code */
  verifyUrl: string
}

export function eventDates(event: EventInfo): string {
  const first = event.days[0]!.date
  const last = event.days[event.days.length - 1]!.date
  return first === last ? dayDate(first) : `${dayDate(first)} – ${dayDate(last)}`
}

/** The largest size (down to `min`) at which `text` fits on one line of `width`; below that it wraps. */
function fitSize(doc: PDFKit.PDFDocument, font: string, text: string, width: number, max: number, min: number): number {
  doc.font(font)
  for (let size = max; size > min; size -= 0.5) if (doc.fontSize(size).widthOfString(text) <= width) return size
  return min
}

export async function certificatesPdf(
  event: EventInfo,
  settings: CertificateSettings,
  pages: CertificatePage[],
  now: Date,
): Promise<Buffer> {
  const doc = new (PDFDocument())({
    size: 'A4',
    layout: 'landscape',
    autoFirstPage: false,
    margin: 0,
    info: { Title: `${C.certificate.sw} / ${C.certificate.en} — ${event.name.sw}`, Producer: 'Karibu', Creator: 'Karibu' },
  })
  const fonts = badgeFonts()
  doc.registerFont(FONT, fonts.regular as Buffer)
  doc.registerFont(BOLD, fonts.bold as Buffer)
  const logo = settings.logo ? Buffer.from(settings.logo.base64, 'base64') : null
  for (const [i, page] of pages.entries()) {
    // a group's certificates are drawn a few at a time: check-ins keep flowing meanwhile
    if (i > 0 && i % 10 === 0) await new Promise<void>((resolve) => setImmediate(resolve))
    doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 })
    drawPage(doc, event, settings, page, logo, now)
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    doc.end()
  })
}

function drawPage(
  doc: PDFKit.PDFDocument,
  event: EventInfo,
  settings: CertificateSettings,
  page: CertificatePage,
  logo: Buffer | null,
  now: Date,
) {
  const W = doc.page.width
  const H = doc.page.height
  const { attendee, days } = page.attendance
  doc
    .rect(10 * MM, 10 * MM, W - 20 * MM, H - 20 * MM)
    .lineWidth(2)
    .strokeColor('#1f4e79')
    .stroke()
  doc
    .rect(13 * MM, 13 * MM, W - 26 * MM, H - 26 * MM)
    .lineWidth(0.6)
    .strokeColor('#1f4e79')
    .stroke()
  const left = 28 * MM
  const width = W - 56 * MM
  let y = 18 * MM
  if (logo) {
    doc.image(logo, W / 2 - 40 * MM, y, { fit: [80 * MM, 22 * MM], align: 'center', valign: 'center' })
    y += 25 * MM
  } else y += 8 * MM
  const line = (text: string, font: string, size: number, color = '#000000', gap = 2) => {
    doc.font(font).fontSize(size).fillColor(color).text(text, left, y, { width, align: 'center' })
    y = doc.y + gap
  }
  line(C.certificate.sw.toUpperCase(), BOLD, 26, '#1f4e79', 0)
  line(C.certificate.en.toUpperCase(), BOLD, 15, '#1f4e79', 6 * MM)
  line(`${C.certify.sw} / ${C.certify.en}`, FONT, 11, '#333333', 3 * MM)
  const name = attendeeName(attendee)
  line(name, BOLD, fitSize(doc, BOLD, name, width, 26, 15), '#000000', 2 * MM)
  if (attendee.title) line(attendee.title, FONT, 12.5, '#000000', 1)
  if (attendee.organisation) line(attendee.organisation, FONT, 12.5, '#000000', 4 * MM)
  line(`${C.attended.sw} / ${C.attended.en}`, FONT, 11, '#333333', 2 * MM)
  line(event.name.sw, BOLD, fitSize(doc, BOLD, event.name.sw, width, 17, 11), '#000000', 1)
  if (event.name.en !== event.name.sw) line(event.name.en, BOLD, fitSize(doc, BOLD, event.name.en, width, 13, 10), '#333333', 2 * MM)
  line(`${C.venue.sw} / ${C.venue.en}: ${event.venue}   —   ${C.dates.sw} / ${C.dates.en}: ${eventDates(event)}`, FONT, 10.5, '#000000', 1)
  line(
    `${C.daysAttended.sw} / ${C.daysAttended.en} (${days.length} / ${event.days.length}): ${days.map((d) => dayDate(d.date)).join(', ')}`,
    FONT,
    10.5,
    '#000000',
    1,
  )

  // the foot: issue date left, signature block in the middle, the QR and number right
  const qrSize = 30 * MM
  const footTop = H - 20 * MM - qrSize - 8 * MM
  const sigWidth = 85 * MM
  const sigX = W / 2 - sigWidth / 2
  const sigLine = footTop + 14 * MM
  doc
    .moveTo(sigX, sigLine)
    .lineTo(sigX + sigWidth, sigLine)
    .lineWidth(0.6)
    .strokeColor('#000000')
    .stroke()
  let sy = sigLine + 2
  const sig = (text: string, font: string, size: number) => {
    if (!text) return
    doc
      .font(font)
      .fontSize(size)
      .fillColor('#000000')
      .text(text, sigX - 15 * MM, sy, { width: sigWidth + 30 * MM, align: 'center' })
    sy = doc.y + 1
  }
  sig(settings.signatoryName || `${C.signature.sw} / ${C.signature.en}`, BOLD, 10.5)
  sig(settings.signatoryTitle, FONT, 9.5)
  sig(settings.organiser, FONT, 9.5)

  doc
    .font(FONT)
    .fontSize(9)
    .fillColor('#000000')
    .text(`${C.issued.sw} / ${C.issued.en}: ${calendarDate(now, event.timezone)}`, 22 * MM, sigLine + 2, { width: 60 * MM })

  const qrX = W - 22 * MM - qrSize
  const qrY = footTop
  const m = qrMatrix(page.verifyUrl)
  const unit = qrSize / (m.size + 2 * QR_QUIET_MODULES)
  doc.rect(qrX, qrY, qrSize, qrSize).fill('#ffffff')
  for (const [row, col, len] of qrRuns(m))
    doc.rect(qrX + (col + QR_QUIET_MODULES) * unit, qrY + (row + QR_QUIET_MODULES) * unit, len * unit, unit)
  doc.fill('#000000')
  const capX = qrX - 48 * MM
  doc
    .font(FONT)
    .fontSize(8)
    .fillColor('#333333')
    .text(`${C.scanToCheck.sw}\n${C.scanToCheck.en}`, capX, qrY + 4 * MM, { width: 46 * MM, align: 'right' })
  doc
    .font(FONT)
    .fontSize(8)
    .fillColor('#333333')
    .text(`${C.number.sw} / ${C.number.en}:`, capX, qrY + 16 * MM, { width: 46 * MM, align: 'right' })
  doc
    .font(BOLD)
    .fontSize(10)
    .fillColor('#000000')
    .text(page.number, capX, qrY + 20 * MM, { width: 46 * MM, align: 'right' })
}
