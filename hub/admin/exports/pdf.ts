// pdfkit with the hub's DejaVu Sans (hub/fonts.ts), for registers and reports.
import PDFDocument from 'pdfkit'
import { FONT_FILES } from '../../fonts.js'

export const FONT = 'body'
export const BOLD = 'bold'

export function newDoc(options: PDFKit.PDFDocumentOptions = {}): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4', margin: 40, bufferPages: true, info: { Title: 'Karibu', Producer: 'Karibu', Creator: 'Karibu' }, ...options })
  doc.registerFont(FONT, FONT_FILES.regular)
  doc.registerFont(BOLD, FONT_FILES.bold)
  doc.font(FONT)
  return doc
}

export function finish(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    doc.end()
  })
}

/** "Page 1 of 3" at the foot of every page (pages are buffered until the end). */
export function pageNumbers(doc: PDFKit.PDFDocument, footer: string) {
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    doc.font(FONT).fontSize(7).fillColor('#555555')
    doc.text(`${footer} — ukurasa / page ${i + 1} / ${range.count}`, doc.page.margins.left, doc.page.height - 28, { width: doc.page.width - doc.page.margins.left - doc.page.margins.right, align: 'center', lineBreak: false })
    doc.page.margins.bottom = bottom
  }
}

export interface Column<T> {
  title: string
  width: number
  value(row: T): string
  align?: 'left' | 'right' | 'center'
}

/** A simple ruled table that continues on new pages with its header repeated. */
export function table<T>(doc: PDFKit.PDFDocument, columns: Column<T>[], rows: readonly T[], rowHeight = 17) {
  const left = doc.page.margins.left
  const width = columns.reduce((s, c) => s + c.width, 0)
  const fits = () => doc.y + rowHeight <= doc.page.height - doc.page.margins.bottom - 10
  const drawRow = (cells: string[], bold: boolean) => {
    const y = doc.y
    let x = left
    doc.font(bold ? BOLD : FONT).fontSize(8).fillColor('#000000')
    cells.forEach((text, i) => {
      const c = columns[i]!
      doc.text(text, x + 2, y + 5, { width: c.width - 4, height: rowHeight - 4, ellipsis: true, lineBreak: false, align: c.align ?? 'left' })
      x += c.width
    })
    doc.moveTo(left, y + rowHeight).lineTo(left + width, y + rowHeight).lineWidth(bold ? 0.8 : 0.3).strokeColor('#888888').stroke()
    doc.x = left
    doc.y = y + rowHeight
  }
  const header = columns.map((c) => c.title)
  if (!fits()) doc.addPage()
  drawRow(header, true)
  for (const row of rows) {
    if (!fits()) {
      doc.addPage()
      drawRow(header, true)
    }
    drawRow(columns.map((c) => c.value(row)), false)
  }
}
